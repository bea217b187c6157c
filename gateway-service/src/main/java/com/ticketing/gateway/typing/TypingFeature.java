package com.ticketing.gateway.typing;

import static com.ticketing.gateway.socket.Replies.Code.*;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.kafka.EventPublisher;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.RateLimitDecision;
import com.ticketing.auth.ratelimit.TokenBucketRateLimiter;
import com.ticketing.gateway.socket.Arguments;
import com.ticketing.gateway.socket.Replies;
import com.ticketing.gateway.socket.SocketFeature;
import com.ticketing.auth.web.Ids;
import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * {@code typing:start} / {@code typing:stop} to a receiver, through {@code realtime.typing-signals}
 * so they reach the receiver on any instance. Repeated starts from one user to one receiver within
 * the coalescing window are forwarded once, and a per-user limit caps what reaches Kafka.
 */
@Component
public class TypingFeature implements SocketFeature {

    private final EventPublisher publisher;
    private final TokenBucketRateLimiter limiter;
    private final long coalesceNanos;
    /** "sender receiver" → when the last start was forwarded (nanoTime). */
    private final Map<String, Long> forwardedStarts = new ConcurrentHashMap<>();

    public TypingFeature(EventPublisher publisher, LimitsProperties limits) {
        this.publisher = publisher;
        this.limiter = new TokenBucketRateLimiter(new RateLimit(limits.typingPerWindow(), Duration.ofSeconds(10)));
        this.coalesceNanos = limits.typingCoalesce().toNanos();
    }

    @Override
    public void register(Socket socket, AuthenticatedUser user) {
        socket.on("typing:start", (args, ack) -> typing(socket, ack, user, Arguments.firstString(args), true));
        socket.on("typing:stop", (args, ack) -> typing(socket, ack, user, Arguments.firstString(args), false));
    }

    private void typing(Socket socket, Ack ack, AuthenticatedUser user, String receiverId, boolean started) {
        String event = started ? "typing:start" : "typing:stop";
        if (!Ids.isValid(receiverId) || receiverId.equals(user.userId())) {
            Replies.refuse(socket, ack, event, VALIDATION, "receiverId must be another user's id");
            return;
        }
        String pair = user.userId() + " " + receiverId;
        if (started ? !startDue(pair) : forwardedStarts.remove(pair) == null) {
            Replies.ok(ack, Map.of("coalesced", true));
            return;
        }
        RateLimitDecision decision = limiter.tryAcquire(user.userId());
        if (!decision.allowed()) {
            if (started) {
                forwardedStarts.remove(pair);
            }
            Replies.refuse(socket, ack, event, RATE_LIMITED, "Too many typing signals; retry in "
                    + decision.retryAfterSeconds() + " s");
            return;
        }
        EventType<TypingSignal> type = started ? EventTypes.TYPING_STARTED : EventTypes.TYPING_STOPPED;
        publisher.publish(Topics.TYPING_SIGNALS, receiverId,
                        CloudEvent.of(type, "/gateway", receiverId, new TypingSignal(user.userId(), receiverId)))
                .subscribe(sent -> Replies.ok(ack, Map.of("coalesced", false)),
                        failure -> Replies.refuse(socket, ack, event, UNAVAILABLE, "Typing signal not delivered"));
    }

    /** Whether a start for this pair should be forwarded now (none forwarded within the window). */
    private boolean startDue(String pair) {
        long now = System.nanoTime();
        boolean[] due = new boolean[1];
        forwardedStarts.compute(pair, (key, last) -> {
            due[0] = last == null || now - last >= coalesceNanos;
            return due[0] ? now : last;
        });
        if (forwardedStarts.size() > 50_000) {
            forwardedStarts.values().removeIf(last -> now - last > coalesceNanos * 10);
        }
        return due[0];
    }
}
