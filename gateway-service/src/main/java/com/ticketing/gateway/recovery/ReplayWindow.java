package com.ticketing.gateway.recovery;

import com.ticketing.gateway.recovery.FeedState.Kept;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The latest records of every replayed partition, kept for a few minutes, stored flat: one after the
 * other in chunks of 1 MiB outside the Java heap, reused once their records are gone, with a ring of
 * record addresses per partition. Minutes of records at hundreds a second are then a few dozen
 * buffers the collector never sees, not four objects per record that each young collection copies
 * again until they expire (what survives a young collection is what its pause is made of, and those
 * pauses were the gateway's delivery tail). Records leave oldest first, across all partitions: when
 * older than {@code keep}, or when the window would hold more than {@code maxBytes}. Only the feed
 * thread touches it.
 */
final class ReplayWindow {

    static final int CHUNK_BYTES = 1 << 20;
    /** At 0 the slot, 4 the offset, 12 keptAtNanos, 20 repeat, 21 the key's length (-1: no key), 25 the value's. */
    private static final int HEADER_BYTES = 4 + 8 + 8 + 1 + 4 + 4;
    /** Free chunks kept for reuse; more than this after a burst are left to the collector. */
    private static final int SPARE_CHUNKS = 4;
    private static final int POSITION_BITS = 31;
    private static final byte[] NO_VALUE = new byte[0];

    /** One buffer of records; {@code used} bytes of it are written. */
    private static final class Chunk {
        final ByteBuffer bytes;
        int used;

        Chunk(int size) {
            bytes = ByteBuffer.allocateDirect(size);
        }

        int capacity() {
            return bytes.capacity();
        }
    }

    private final long keepNanos;
    private final long maxBytes;
    /** The chunks holding records, oldest first; the first one is chunk number {@code firstChunk}. */
    private final List<Chunk> chunks = new ArrayList<>();
    private final ArrayDeque<Chunk> spare = new ArrayDeque<>();
    private long firstChunk;
    /** Where the oldest record starts in the first chunk. */
    private int headPosition;
    private final AddressRing[] bySlot;
    private final long[] windowStart;
    private long bytes;
    private long lastAddress = -1;

    ReplayWindow(int slots, long keepNanos, long maxBytes) {
        this.keepNanos = keepNanos;
        this.maxBytes = maxBytes;
        bySlot = new AddressRing[slots];
        for (int i = 0; i < slots; i++) {
            bySlot[i] = new AddressRing();
        }
        windowStart = new long[slots];
    }

    /** Nothing of {@code slot} before {@code offset} is known here. */
    void startsAt(int slot, long offset) {
        windowStart[slot] = offset;
    }

    /** The first offset of {@code slot} from which every record is in the window. */
    long windowStart(int slot) {
        return windowStart[slot];
    }

    /** Appends a record read at {@code nowNanos}, then lets go of what is too old or too much. */
    void add(int slot, long offset, String key, byte[] recordValue, long nowNanos) {
        byte[] value = recordValue == null ? NO_VALUE : recordValue; // a tombstone replays as nothing, as it went live
        byte[] keyBytes = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
        int size = HEADER_BYTES + (keyBytes == null ? 0 : keyBytes.length) + value.length;
        Chunk chunk = chunkWithRoom(size);
        int position = chunk.used;
        ByteBuffer into = chunk.bytes;
        into.putInt(position, slot)
                .putLong(position + 4, offset)
                .putLong(position + 12, nowNanos)
                .put(position + 20, (byte) 0)
                .putInt(position + 21, keyBytes == null ? -1 : keyBytes.length)
                .putInt(position + 25, value.length);
        int at = position + HEADER_BYTES;
        if (keyBytes != null) {
            into.put(at, keyBytes);
            at += keyBytes.length;
        }
        into.put(at, value);
        chunk.used = at + value.length;
        lastAddress = address(firstChunk + chunks.size() - 1, position);
        bySlot[slot].add(lastAddress);
        bytes += size;
        evict(nowNanos);
    }

    /** Marks the record added last as a repeat of an event id already delivered. */
    void markLastRepeat() {
        Chunk chunk = lastAddress < 0 ? null : chunkOf(lastAddress);
        if (chunk != null) { // null once the chunk it was in has been let go
            chunk.bytes.put(positionOf(lastAddress) + 20, (byte) 1);
        }
    }

    /** The window's records of {@code slot}, oldest first, each read out when the iteration reaches it. */
    Iterable<Kept> records(int slot) {
        AddressRing ring = bySlot[slot];
        return () -> new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return index < ring.size();
            }

            @Override
            public Kept next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return read(ring.get(index++));
            }
        };
    }

    /** Bytes the records take now, headers included. */
    long bytes() {
        return bytes;
    }

    /** Chunks holding records now. */
    int chunksInUse() {
        return chunks.size();
    }

    private void evict(long nowNanos) {
        long oldest = nowNanos - keepNanos;
        while (!chunks.isEmpty()) {
            Chunk head = chunks.get(0);
            if (headPosition >= head.used) {
                if (chunks.size() == 1) {
                    return; // the chunk being written: stays
                }
                recycle(chunks.remove(0));
                firstChunk++;
                headPosition = 0;
                continue;
            }
            long keptAt = head.bytes.getLong(headPosition + 12);
            if (keptAt - oldest >= 0 && bytes <= maxBytes) {
                return;
            }
            int slot = head.bytes.getInt(headPosition);
            long offset = head.bytes.getLong(headPosition + 4);
            int size = sizeAt(head.bytes, headPosition);
            bySlot[slot].removeFirst();
            windowStart[slot] = offset + 1;
            bytes -= size;
            headPosition += size;
        }
    }

    private Chunk chunkWithRoom(int size) {
        if (!chunks.isEmpty()) {
            Chunk last = chunks.get(chunks.size() - 1);
            if (last.capacity() - last.used >= size) {
                return last;
            }
        }
        Chunk fresh = size <= CHUNK_BYTES && !spare.isEmpty() ? spare.pop() : new Chunk(Math.max(CHUNK_BYTES, size));
        fresh.used = 0;
        if (chunks.isEmpty()) {
            headPosition = 0;
        }
        chunks.add(fresh);
        return fresh;
    }

    private void recycle(Chunk chunk) {
        if (chunk.capacity() == CHUNK_BYTES && spare.size() < SPARE_CHUNKS) {
            spare.push(chunk);
        }
    }

    private Kept read(long address) {
        ByteBuffer from = chunkOf(address).bytes;
        int position = positionOf(address);
        int keyLength = from.getInt(position + 21);
        int at = position + HEADER_BYTES;
        String key = null;
        if (keyLength >= 0) {
            byte[] keyBytes = new byte[keyLength];
            from.get(at, keyBytes);
            key = new String(keyBytes, StandardCharsets.UTF_8);
            at += keyLength;
        }
        byte[] value = new byte[from.getInt(position + 25)];
        from.get(at, value);
        return new Kept(from.getLong(position + 4), key, value, from.getLong(position + 12), from.get(position + 20) == 1);
    }

    private Chunk chunkOf(long address) {
        long index = (address >>> POSITION_BITS) - firstChunk;
        return index >= 0 && index < chunks.size() ? chunks.get((int) index) : null;
    }

    private static long address(long chunk, int position) {
        return (chunk << POSITION_BITS) | position;
    }

    private static int positionOf(long address) {
        return (int) (address & ((1L << POSITION_BITS) - 1));
    }

    private static int sizeAt(ByteBuffer bytes, int position) {
        return HEADER_BYTES + Math.max(0, bytes.getInt(position + 21)) + bytes.getInt(position + 25);
    }

    /** A growable ring of record addresses: appended at the tail, removed at the head. */
    private static final class AddressRing {
        private long[] items = new long[64];
        private int head;
        private int size;

        void add(long address) {
            if (size == items.length) {
                long[] grown = new long[items.length * 2];
                for (int i = 0; i < size; i++) {
                    grown[i] = items[(head + i) % items.length];
                }
                items = grown;
                head = 0;
            }
            items[(head + size) % items.length] = address;
            size++;
        }

        void removeFirst() {
            head = (head + 1) % items.length;
            size--;
        }

        long get(int index) {
            return items[(head + index) % items.length];
        }

        int size() {
            return size;
        }
    }
}
