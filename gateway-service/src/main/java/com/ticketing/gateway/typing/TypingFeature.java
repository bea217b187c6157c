package com.ticketing.gateway.typing;

import static com.ticketing.gateway.socket.Replies.Code.*;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.auth.web.Ids;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.block.BlockDirectory;
import com.ticketing.gateway.block.Blocking;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.kafka.EventPublisher;
import com.ticketing.gateway.socket.Arguments;
import com.ticketing.gateway.socket.ConnectionGate;
import com.ticketing.gateway.socket.Replies;
import com.ticketing.gateway.socket.SocketFeature;
import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code typing:start} / {@code typing:stop} to a receiver, through {@code realtime.typing-signals}
 * so they reach the receiver on any instance. Signals between users of whom one blocked the other are
 * refused, repeats are coalesced ({@link TypingCoalescer}) and a per-user limit caps what reaches Kafka;
 * every signal is answered, forwarded or not.
 */
@Component
public class TypingFeature implements SocketFeature {

    /** The window of {@code ticketing.limits.typing-per-window}. */
    static final Duration TYPING_WINDOW = Duration.ofSeconds(10);

    private final EventPublisher publisher;
    private final SlidingWindowRateLimiter limiter;
    private final TypingCoalescer coalescer;
    private final BlockDirectory blocks;

    public TypingFeature(EventPublisher publisher, LimitsProperties limits, BlockDirectory blocks) {
        this.publisher = publisher;
        this.blocks = blocks;
        this.limiter = new SlidingWindowRateLimiter(new RateLimit(limits.typingPerWindow(), TYPING_WINDOW));
        this.coalescer = new TypingCoalescer(limits.typingCoalesce().toNanos(), System::nanoTime);
    }

    @Override
    public void register(Namespace namespace) {
        namespace.on("typing:start", (socket, args, ack) -> typing(socket, ack, socket.get(ConnectionGate.USER),
                Arguments.firstString(args), true));
        namespace.on("typing:stop", (socket, args, ack) -> typing(socket, ack, socket.get(ConnectionGate.USER),
                Arguments.firstString(args), false));
    }

    private void typing(Socket socket, Ack ack, AuthenticatedUser user, String receiverId, boolean started) {
        String event = started ? "typing:start" : "typing:stop";
        if (!Ids.isValid(receiverId) || receiverId.equals(user.userId())) {
            Replies.refuse(socket, ack, event, VALIDATION, "receiverId must be another user's id");
            return;
        }
        String blocked = blockedMessage(user.userId(), receiverId);
        if (blocked != null) {
            Replies.refuse(socket, ack, event, FORBIDDEN, blocked);
            return;
        }
        String pair = user.userId() + " " + receiverId;
        TypingCoalescer.Claim claim = coalescer.claim(pair, started);
        if (claim == null) {
            Replies.ok(ack, Map.of("coalesced", true));
            return;
        }
        RateLimitDecision decision = limiter.tryAcquire(user.userId());
        if (!decision.allowed()) {
            coalescer.release(pair, claim);
            Replies.refuse(socket, ack, event, RATE_LIMITED, "Too many typing signals; retry in "
                    + decision.retryAfterSeconds() + " s");
            return;
        }
        EventType<TypingSignal> type = started ? EventTypes.TYPING_STARTED : EventTypes.TYPING_STOPPED;
        publisher.publish(Topics.TYPING_SIGNALS, receiverId,
                        CloudEvent.of(type, "/gateway", receiverId, new TypingSignal(user.userId(), receiverId)))
                .subscribe(sent -> Replies.ok(ack, Map.of("coalesced", false)), failure -> {
                    coalescer.release(pair, claim);
                    Replies.refuse(socket, ack, event, UNAVAILABLE, "Typing signal not delivered");
                });
    }

    /** Why the signal is refused for a block between the two, or null when there is none. */
    private String blockedMessage(String senderId, String receiverId) {
        return switch (blocks.between(senderId, receiverId)) {
            case BY_RECEIVER -> Blocking.CANNOT_MESSAGE;
            case BY_SENDER -> "You blocked this user";
            case NONE -> null;
        };
    }
}
