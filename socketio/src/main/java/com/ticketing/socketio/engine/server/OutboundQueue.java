package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The bounded list of messages a polling session holds until the next GET; allocated only while
 * non-empty so an idle session costs nothing. Not thread-safe: guarded by the session lock.
 */
final class OutboundQueue {

    private final int maxPackets;
    private final long maxBytes;
    private ArrayDeque<EngineMessage> messages;
    private long bytes;

    OutboundQueue(int maxPackets, long maxBytes) {
        this.maxPackets = maxPackets;
        this.maxBytes = maxBytes;
    }

    /** Adds a message; false if that would exceed a limit (the message is then not added). */
    boolean offer(EngineMessage message) {
        int size = message.sizeEstimate();
        if (messages != null && messages.size() >= maxPackets || bytes + size > maxBytes) {
            return false;
        }
        if (messages == null) {
            messages = new ArrayDeque<>(8);
        }
        messages.add(message);
        bytes += size;
        return true;
    }

    boolean isEmpty() {
        return messages == null;
    }

    /** Hands every message to {@code sink}, oldest first, and empties the queue. */
    void drainTo(Consumer<EngineMessage> sink) {
        if (messages != null) {
            messages.forEach(sink);
            clear();
        }
    }

    void clear() {
        messages = null;
        bytes = 0;
    }
}
