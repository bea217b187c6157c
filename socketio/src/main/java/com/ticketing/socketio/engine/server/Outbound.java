package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * The packets handed to a session and not yet given to its transport. Producers on any thread
 * append whole packets (a Socket.IO packet with its attachments stays one unit); only the session's
 * drain, on its executor, takes them, oldest first. One drain is scheduled per burst of appends.
 */
final class Outbound {

    private static final AtomicLongFieldUpdater<Outbound> BYTES =
            AtomicLongFieldUpdater.newUpdater(Outbound.class, "bytes");
    private static final AtomicIntegerFieldUpdater<Outbound> PACKETS =
            AtomicIntegerFieldUpdater.newUpdater(Outbound.class, "packets");
    private static final AtomicIntegerFieldUpdater<Outbound> DRAIN_DUE =
            AtomicIntegerFieldUpdater.newUpdater(Outbound.class, "drainDue");

    private final Queue<List<EngineMessage>> units = new ConcurrentLinkedQueue<>();
    private volatile long bytes;
    private volatile int packets;
    private volatile int drainDue;

    /** Appends one packet; returns the bytes now waiting here. */
    long offer(List<EngineMessage> packet) {
        units.add(packet);
        PACKETS.incrementAndGet(this);
        return BYTES.addAndGet(this, sizeOf(packet));
    }

    /** True for the one caller since the last drain started that must schedule the next drain. */
    boolean claimDrain() {
        return DRAIN_DUE.compareAndSet(this, 0, 1);
    }

    /** Called by the drain before it takes anything, so that a later append schedules another. */
    void drainStarted() {
        drainDue = 0;
    }

    /** The oldest packet, or null. */
    List<EngineMessage> poll() {
        List<EngineMessage> packet = units.poll();
        if (packet != null) {
            PACKETS.decrementAndGet(this);
            BYTES.addAndGet(this, -sizeOf(packet));
        }
        return packet;
    }

    long bytes() {
        return bytes;
    }

    int packets() {
        return packets;
    }

    /** Forgets everything waiting (the session closed). */
    void clear() {
        while (poll() != null) {
            // dropped
        }
    }

    static long sizeOf(List<EngineMessage> packet) {
        return EngineMessage.sizeOf(packet);
    }
}
