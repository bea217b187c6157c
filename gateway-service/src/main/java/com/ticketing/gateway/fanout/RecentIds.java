package com.ticketing.gateway.fanout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The event ids the feed read lately, to recognise an at-least-once producer's second copy. Remembers
 * at least the last {@code capacity} ids (at most twice as many) as 128-bit fingerprints (the first
 * half of their SHA-256) in two primitive hash tables, a current and a previous generation: when the
 * current one is full, the previous one is cleared and the two swap. An entry costs 16 bytes in an
 * array that lives as long as the feed, not a map entry and a string that every young collection
 * copies until they are evicted minutes later. Two different ids share a fingerprint with a
 * probability of about 2^-128 per pair. One thread only (the feed's).
 */
final class RecentIds {

    private final int capacity;
    private final MessageDigest sha256;
    private Generation current;
    private Generation previous;

    RecentIds(int capacity) {
        this.capacity = capacity;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        current = new Generation(capacity);
        previous = new Generation(capacity);
    }

    /** Remembers {@code id}; true when it had been seen already (within the last {@code capacity} ids at least). */
    boolean seenBefore(String id) {
        byte[] digest = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
        long high = toLong(digest, 0);
        long low = toLong(digest, 8);
        if (high == 0 && low == 0) {
            low = 1; // (0, 0) marks a free slot
        }
        if (current.contains(high, low) || previous.contains(high, low)) {
            return true;
        }
        if (current.size == capacity) {
            Generation emptied = previous;
            emptied.clear();
            previous = current;
            current = emptied;
        }
        current.add(high, low);
        return false;
    }

    private static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | (bytes[i] & 0xff);
        }
        return value;
    }

    /** Open addressing with linear probing, at most half full; nothing is ever removed but all at once. */
    private static final class Generation {
        private final long[] slots; // high, low of each entry side by side
        private final int mask;
        private int size;

        Generation(int capacity) {
            int entries = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2; // a power of two >= 2 x capacity
            slots = new long[entries * 2];
            mask = entries - 1;
        }

        boolean contains(long high, long low) {
            for (int i = (int) low & mask; ; i = (i + 1) & mask) {
                long h = slots[2 * i];
                long l = slots[2 * i + 1];
                if (h == 0 && l == 0) {
                    return false;
                }
                if (h == high && l == low) {
                    return true;
                }
            }
        }

        void add(long high, long low) {
            int i = (int) low & mask;
            while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) {
                i = (i + 1) & mask;
            }
            slots[2 * i] = high;
            slots[2 * i + 1] = low;
            size++;
        }

        void clear() {
            Arrays.fill(slots, 0);
            size = 0;
        }
    }
}
