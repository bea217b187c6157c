package com.ticketing.gateway.message;

import static com.ticketing.gateway.socket.Replies.Code.*;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.block.BlockDirectory;
import com.ticketing.gateway.block.Blocking;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.kafka.EventPublisher;
import com.ticketing.gateway.ratelimit.MessageRateLimit;
import com.ticketing.gateway.socket.Arguments;
import com.ticketing.gateway.socket.ConnectionGate;
import com.ticketing.gateway.socket.Replies;
import com.ticketing.gateway.socket.SocketFeature;
import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code message:send}: validates, refuses at once a send this instance already knows is blocked (message-service
 * stays the judge of a block made a moment ago), applies the per-user limit (shared with REST), publishes a command
 * to {@code messaging.message-commands} (acks=all) and acknowledges with the message id. The command's
 * id is the message id; with a {@code clientMessageId} it is derived from it, so a retry is the same
 * command. The ack waits briefly for message-service's verdict: {@code status: "stored"} with the
 * stored message, a refusal, or {@code status: "queued"} when the command is safe in Kafka but not
 * stored yet (the {@code message:sent} event follows when it is).
 */
@Component
public class MessageSendFeature implements SocketFeature {

    static final String EVENT = "message:send";
    private static final Duration VERDICT_WAIT = Duration.ofSeconds(5);

    private final EventPublisher publisher;
    private final SlidingWindowRateLimiter limiter;
    private final PendingSends pending;
    private final int maxContentLength;
    private final BlockDirectory blocks;

    public MessageSendFeature(EventPublisher publisher, MessageRateLimit limit, PendingSends pending,
                              LimitsProperties limits, BlockDirectory blocks) {
        this.publisher = publisher;
        this.blocks = blocks;
        this.limiter = limit.limiter();
        this.pending = pending;
        this.maxContentLength = limits.maxContentLength();
    }

    @Override
    public void register(Namespace namespace) {
        namespace.on(EVENT, (socket, args, ack) -> send(socket, ack, socket.get(ConnectionGate.USER),
                Arguments.firstObject(args)));
    }

    private void send(Socket socket, Ack ack, AuthenticatedUser user, tools.jackson.databind.JsonNode body) {
        MessageDraft draft;
        try {
            draft = MessageDraft.parse(body, user.userId(), maxContentLength);
        } catch (MessageDraft.Invalid invalid) {
            Replies.refuse(socket, ack, EVENT, VALIDATION, invalid.getMessage());
            return;
        }
        String blocked = blockedMessage(user.userId(), draft.receiverId());
        if (blocked != null) {
            Replies.refuse(socket, ack, EVENT, FORBIDDEN, blocked);
            return;
        }
        RateLimitDecision decision = limiter.tryAcquire(user.userId());
        if (!decision.allowed()) {
            Replies.refuse(socket, ack, EVENT, RATE_LIMITED, "Too many messages; retry in "
                    + decision.retryAfterSeconds() + " s");
            return;
        }
        String messageId = messageId(user.userId(), draft.clientMessageId());
        Instant requestedAt = Instant.now();
        CloudEvent<SendMessageCommand> command = new CloudEvent<>(CloudEvent.SPEC_VERSION, messageId, "/gateway",
                EventTypes.MESSAGE_SEND_REQUESTED.name(), requestedAt, ConversationKey.of(user.userId(), draft.receiverId()),
                CloudEvent.JSON, new SendMessageCommand(user.userId(), draft.receiverId(), draft.content(),
                draft.transactionId(), draft.listingId(), draft.clientMessageId(), requestedAt));
        var verdict = pending.await(messageId, VERDICT_WAIT); // registered before publishing: the verdict may be quick
        publisher.publish(Topics.MESSAGE_COMMANDS, command.subject(), command)
                .subscribe(accepted -> verdict.thenAccept(outcome -> answer(socket, ack, messageId, requestedAt, outcome))
                                .exceptionally(failure -> {
                                    Replies.refuse(socket, ack, EVENT, UNAVAILABLE, "The message's fate is unknown; "
                                            + "retry with the same clientMessageId");
                                    return null;
                                }),
                        failure -> {
                            limiter.release(user.userId()); // not sent: its retry must not count twice
                            Replies.refuse(socket, ack, EVENT, UNAVAILABLE, "Messaging is unavailable; the message was not sent");
                        });
    }

    private static void answer(Socket socket, Ack ack, String messageId, Instant requestedAt, PendingSends.Outcome outcome) {
        if (outcome instanceof PendingSends.Outcome.Rejected rejected) {
            Replies.refuse(socket, ack, EVENT, Replies.Code.fromService(rejected.rejected().code()),
                    rejected.rejected().message());
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", messageId);
        if (outcome instanceof PendingSends.Outcome.Stored stored) {
            fields.put("createdAt", stored.sent().message().createdAt().toString());
            fields.put("status", "stored");
            fields.put("message", stored.sent().message());
        } else {
            fields.put("createdAt", requestedAt.toString());
            fields.put("status", "queued");
        }
        Replies.ok(ack, fields);
    }

    /** Why the send is refused for a block between the two, or null when there is none. */
    private String blockedMessage(String senderId, String receiverId) {
        return switch (blocks.between(senderId, receiverId)) {
            case BY_RECEIVER -> Blocking.CANNOT_MESSAGE;
            case BY_SENDER -> "You blocked this user; unblock them to send messages";
            case NONE -> null;
        };
    }

    /** Random, or derived from the sender's {@code clientMessageId} so that a retry names the same message. */
    static String messageId(String senderId, String clientMessageId) {
        return clientMessageId == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((senderId + "\u0000" + clientMessageId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
