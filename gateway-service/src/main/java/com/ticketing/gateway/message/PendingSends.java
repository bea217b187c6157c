package com.ticketing.gateway.message;

import com.ticketing.events.payload.message.MessageRejected;
import com.ticketing.events.payload.message.MessageSent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Sends from this instance's sockets that wait to learn what message-service did with them: the
 * {@code message.sent} or {@code message.rejected} event, matched by message id (the command's id).
 */
@Component
public class PendingSends {

    /** What became of a send. */
    public sealed interface Outcome {
        record Stored(MessageSent sent) implements Outcome {
        }

        record Rejected(MessageRejected rejected) implements Outcome {
        }

        record StillQueued() implements Outcome {
        }
    }

    private final Map<String, CompletableFuture<Outcome>> waiting = new ConcurrentHashMap<>();

    /** Starts waiting for the outcome of {@code messageId}; completes with {@link Outcome.StillQueued} after {@code timeout}. */
    public CompletableFuture<Outcome> await(String messageId, Duration timeout) {
        CompletableFuture<Outcome> outcome = waiting.computeIfAbsent(messageId, id -> new CompletableFuture<>());
        return outcome.completeOnTimeout(new Outcome.StillQueued(), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> waiting.remove(messageId, outcome));
    }

    public void sent(MessageSent sent) {
        complete(sent.message().id(), new Outcome.Stored(sent));
    }

    public void rejected(MessageRejected rejected) {
        complete(rejected.commandId(), new Outcome.Rejected(rejected));
    }

    private void complete(String messageId, Outcome outcome) {
        CompletableFuture<Outcome> future = waiting.get(messageId);
        if (future != null) {
            future.complete(outcome);
        }
    }
}
