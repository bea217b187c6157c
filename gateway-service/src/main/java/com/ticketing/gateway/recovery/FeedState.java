package com.ticketing.gateway.recovery;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Predicate;

/**
 * Where the update feed stands, for recovery: the next offset of every replayed partition (the cut a
 * socket has been sent up to), a bounded window of the latest records of every replayed partition
 * (each gateway reads them all, so any gateway can replay from memory what a socket of another one
 * missed), and the last record each local room was sent from. The feed thread owns it: it appends
 * records, names the cut of each event it emits, and runs the recovery tasks handed to it between
 * polls, so a replay sees one consistent position.
 */
public final class FeedState {

    /**
     * A record kept for replay; {@code repeat} when its event id had come before (an at-least-once producer's
     * second copy), which the live path sent to nobody and a replay must not send either.
     */
    public record Kept(long offset, String key, byte[] value, long keptAtNanos, boolean repeat) {
    }

    private final FeedLayout layout;
    private final long[] next;
    private final AtomicLongArray published;
    private final ReplayWindow window;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** {@code slot/room} to the offset of the last record that room was sent events from. */
    private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
    private final Predicate<String> localRoom;
    private volatile Thread feedThread;
    private volatile boolean started;
    private int currentSlot = -1;
    private long currentOffset;
    private int emitted;

    /**
     * @param keep      how long records stay in the window (at least the recovery window)
     * @param maxBytes  the most the window may hold; beyond it the oldest records go first
     * @param localRoom whether a room has a socket on this instance (only those rooms' last records are kept)
     */
    public FeedState(FeedLayout layout, Duration keep, long maxBytes, Predicate<String> localRoom) {
        this.layout = layout;
        this.localRoom = localRoom;
        int slots = layout.slots();
        next = new long[slots];
        published = new AtomicLongArray(slots);
        window = new ReplayWindow(slots, keep.toNanos(), maxBytes);
    }

    public FeedLayout layout() {
        return layout;
    }

    // --- the feed thread ---

    /** The feed starts reading {@code slot} at {@code offset}: nothing before it is known here. */
    public void startsAt(int slot, long offset) {
        next[slot] = offset;
        window.startsAt(slot, offset);
        published.set(slot, offset);
    }

    /** Every partition's start is known. */
    public void ready() {
        started = true;
    }

    /** The calling thread is the feed's: only its emits carry a cut. */
    public void ownedByCurrentThread() {
        feedThread = Thread.currentThread();
    }

    /** The feed is about to route a record; returns its slot, or -1 for a partition that is not replayed. */
    public int begin(String topic, int partition, long offset, String key, byte[] value) {
        int slot = layout.slot(topic, partition);
        currentSlot = slot;
        currentOffset = offset;
        emitted = 0;
        if (slot >= 0) {
            window.add(slot, offset, key, value, System.nanoTime());
        }
        return slot;
    }

    /** The record of {@link #begin} repeats an event id the feed had already delivered: a replay skips it too. */
    public void repeat() {
        if (currentSlot >= 0) {
            window.markLastRepeat();
        }
    }

    /** The record of {@link #begin} was routed: the feed stands after it. */
    public void end(int slot, long offset) {
        if (slot >= 0) {
            next[slot] = offset + 1;
            published.lazySet(slot, offset + 1);
        }
        currentSlot = -1;
    }

    /**
     * The offset of an event the feed emits now to {@code rooms}: the cut after the events of the current
     * record emitted so far, this one included. Null outside the feed thread or for a record not replayed.
     */
    public String cutOfEmit(Iterable<String> rooms) {
        if (currentSlot < 0 || Thread.currentThread() != feedThread) {
            return null;
        }
        emitted++;
        for (String room : rooms) {
            if (localRoom.test(room)) {
                lastSent.put(currentSlot + "/" + room, currentOffset);
            }
        }
        long[] cut = next.clone();
        cut[currentSlot] = currentOffset;
        return new Cut(layout.fingerprint(), cut, currentSlot, emitted).encode();
    }

    /** Runs the recovery tasks handed in before this call; one handed in meanwhile waits for the next poll. */
    public void runTasks() {
        for (int pending = tasks.size(); pending > 0; pending--) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            task.run();
        }
    }

    /** The next offset of {@code slot} (feed thread). */
    public long next(int slot) {
        return next[slot];
    }

    /** The first offset of {@code slot} whose records are all in the window (feed thread). */
    public long windowStart(int slot) {
        return window.windowStart(slot);
    }

    /** The window's records of {@code slot}, oldest first (feed thread). */
    public Iterable<Kept> window(int slot) {
        return window.records(slot);
    }

    /** A copy of every slot's next offset (feed thread). */
    public long[] nextOffsets() {
        return next.clone();
    }

    // --- any thread ---

    /** Runs {@code task} on the feed thread between two polls. */
    public void submit(Runnable task) {
        tasks.add(task);
    }

    /** Whether the feed knows where it starts in every partition. */
    public boolean isStarted() {
        return started;
    }

    /** The next offset of {@code slot} as last published by the feed. */
    public long publishedNext(int slot) {
        return published.get(slot);
    }

    /** All published next offsets. */
    public long[] publishedNextOffsets() {
        long[] copy = new long[published.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = published.get(i);
        }
        return copy;
    }

    /** The offset of the last record {@code room} was sent events from in {@code slot}, or null. */
    public Long lastSent(int slot, String room) {
        return lastSent.get(slot + "/" + room);
    }

    /** Forgets the rooms no socket of this instance is in any more. */
    public void forgetRoomsNotLocal() {
        lastSent.keySet().removeIf(key -> !localRoom.test(key.substring(key.indexOf('/') + 1)));
    }
}
