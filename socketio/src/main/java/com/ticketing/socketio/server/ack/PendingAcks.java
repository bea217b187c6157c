package com.ticketing.socketio.server.ack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The acknowledgements one socket waits for from its client: ids, futures and their timeouts.
 * Futures complete on the socket's serial executor, so their continuations run like handlers.
 */
public final class PendingAcks {

    private final ScheduledExecutorService timer;
    private final Executor serial;
    private final Map<Long, Pending> pending = new HashMap<>(4);
    private long nextId;
    private boolean closed;

    public PendingAcks(ScheduledExecutorService timer, Executor serial) {
        this.timer = timer;
        this.serial = serial;
    }

    /** A new ack id and the future its answer completes; the future fails after {@code timeout}. */
    public synchronized Registration register(Duration timeout) {
        CompletableFuture<List<JsonNode>> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new AckTimeoutException("socket is disconnected"));
            return new Registration(-1, future);
        }
        long id = nextId++;
        ScheduledFuture<?> expiry = timer.schedule(() -> serial.execute(() -> expire(id)),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
        pending.put(id, new Pending(future, expiry));
        return new Registration(id, future);
    }

    /** Completes the future waiting for {@code id}; false if nobody waits for it (late or unknown). */
    public boolean complete(long id, List<JsonNode> args) {
        Pending done;
        synchronized (this) {
            done = pending.remove(id);
        }
        if (done == null) {
            return false;
        }
        done.expiry.cancel(false);
        done.future.complete(args);
        return true;
    }

    /** Fails every waiting future: the socket left. Later registrations fail at once. */
    public void closeAll() {
        Map<Long, Pending> left;
        synchronized (this) {
            closed = true;
            left = new HashMap<>(pending);
            pending.clear();
        }
        left.values().forEach(p -> {
            p.expiry.cancel(false);
            p.future.completeExceptionally(new AckTimeoutException("socket has been disconnected"));
        });
    }

    /** How many acknowledgements are awaited. */
    public synchronized int size() {
        return pending.size();
    }

    private void expire(long id) {
        Pending expired;
        synchronized (this) {
            expired = pending.remove(id);
        }
        if (expired != null) {
            expired.future.completeExceptionally(new AckTimeoutException("operation has timed out"));
        }
    }

    /** A registered acknowledgement: the id to put on the packet and the future of the answer. */
    public record Registration(long id, CompletableFuture<List<JsonNode>> future) {
    }

    private record Pending(CompletableFuture<List<JsonNode>> future, ScheduledFuture<?> expiry) {
    }
}
