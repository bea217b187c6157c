package com.ticketing.gateway.subscription;

import static com.ticketing.gateway.socket.Replies.Code.*;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.web.Ids;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.fanout.Rooms;
import com.ticketing.gateway.recovery.SessionStore;
import com.ticketing.gateway.socket.Arguments;
import com.ticketing.gateway.socket.ConnectionGate;
import com.ticketing.gateway.socket.Replies;
import com.ticketing.gateway.socket.SocketFeature;
import com.ticketing.gateway.streams.GatewayStreams;
import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code subscribe:listing} / {@code unsubscribe:listing} (listings are public) and
 * {@code subscribe:transaction} / {@code unsubscribe:transaction} (buyer or seller only, checked
 * against the transaction participants every instance materialises).
 */
@Component
public class SubscriptionFeature implements SocketFeature {

    private final GatewayStreams streams;
    private final SessionStore sessions;
    private final int maxRoomsPerSocket;

    public SubscriptionFeature(GatewayStreams streams, SessionStore sessions, LimitsProperties limits) {
        this.streams = streams;
        this.sessions = sessions;
        this.maxRoomsPerSocket = limits.maxRoomsPerSocket();
    }

    @Override
    public void register(Namespace namespace) {
        namespace.on("subscribe:listing", (socket, args, ack) -> withId(socket, ack, "subscribe:listing", "listingId",
                args, listingId -> follow(socket, ack, "subscribe:listing", Rooms.listing(listingId),
                        Map.of("listingId", listingId))));
        namespace.on("unsubscribe:listing", (socket, args, ack) -> withId(socket, ack, "unsubscribe:listing",
                "listingId", args, listingId -> {
                    socket.leave(Rooms.listing(listingId));
                    forget(socket, Rooms.listing(listingId));
                    Replies.ok(ack, Map.of("listingId", listingId));
                }));
        namespace.on("subscribe:transaction", (socket, args, ack) -> withId(socket, ack, "subscribe:transaction",
                "transactionId", args, transactionId -> subscribeTransaction(socket, ack,
                        socket.get(ConnectionGate.USER), transactionId)));
        namespace.on("unsubscribe:transaction", (socket, args, ack) -> withId(socket, ack, "unsubscribe:transaction",
                "transactionId", args, transactionId -> {
                    socket.leave(Rooms.transaction(transactionId));
                    forget(socket, Rooms.transaction(transactionId));
                    Replies.ok(ack, Map.of("transactionId", transactionId));
                }));
    }

    private void subscribeTransaction(Socket socket, Ack ack, AuthenticatedUser user, String transactionId) {
        String event = "subscribe:transaction";
        Optional<Boolean> participant;
        try {
            participant = streams.participants().isParticipant(transactionId, user.userId());
        } catch (RuntimeException storeNotReady) { // starting, rebalancing or stopping
            Replies.refuse(socket, ack, event, UNAVAILABLE, "Transactions are not available yet, retry shortly");
            return;
        }
        if (participant.isEmpty() || !participant.get()) {
            // Known from its first realtime.transaction-updates record on: a participant retries until then.
            // A stranger gets the very same answer, so it does not learn that the transaction exists.
            Replies.refuse(socket, ack, event, NOT_FOUND, "Transaction " + transactionId + " is not known (yet)");
        } else {
            follow(socket, ack, event, Rooms.transaction(transactionId), Map.of("transactionId", transactionId));
        }
    }

    /** Joins a subscription room unless that would exceed the socket's limit (following it again is free). */
    private void follow(Socket socket, Ack ack, String event, String room, Map<String, String> answer) {
        Set<String> rooms = socket.rooms();
        long following = rooms.stream().filter(Rooms::isSubscription).count();
        if (!rooms.contains(room) && following >= maxRoomsPerSocket) {
            Replies.refuse(socket, ack, event, RATE_LIMITED,
                    "A socket may follow at most " + maxRoomsPerSocket + " listings and transactions");
            return;
        }
        if (socket.pid() == null || rooms.contains(room)) {
            socket.join(room);
            Replies.ok(ack, answer);
            return;
        }
        // The room is in the socket's session record (Kafka acknowledged it) before the answer: a crash
        // of this gateway after the client saw "ok" cannot lose the subscription on recovery.
        CompletionStage<Void> saved = sessions.joining(socket.pid(), room); // the join offset is taken first
        socket.join(room);
        saved.whenComplete((written, failure) -> {
            if (failure != null) {
                socket.leave(room);
                forget(socket, room);
                Replies.refuse(socket, ack, event, UNAVAILABLE, "Could not save the subscription, retry shortly");
            } else {
                Replies.ok(ack, answer);
            }
        });
    }

    private void forget(Socket socket, String room) {
        if (socket.pid() != null) {
            sessions.left(socket.pid(), room);
        }
    }

    /** Accepts the id as a plain string argument or as {@code {<field>: id}}; refuses anything else. */
    private static void withId(Socket socket, Ack ack, String event, String field, List<JsonNode> args,
                               Consumer<String> action) {
        String id = Arguments.firstString(args);
        JsonNode object = Arguments.firstObject(args);
        if (id == null && object != null) {
            id = Arguments.text(object, field);
        }
        if (!Ids.isValid(id)) {
            Replies.refuse(socket, ack, event, VALIDATION, Ids.problem(field));
            return;
        }
        action.accept(id);
    }
}
