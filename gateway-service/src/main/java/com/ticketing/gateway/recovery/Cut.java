package com.ticketing.gateway.recovery;

import java.util.Arrays;
import java.util.Optional;

/**
 * A recovery offset: an exact cut through every replayed partition. {@code next[s]} is the offset of
 * the first record of slot {@code s} the socket has not been sent all of; in slot {@link #slot}, the
 * record at {@code next[slot]} has had its first {@link #sent} client events sent already (one record
 * can become several events, for different rooms). Replaying from a cut gives exactly what the socket
 * had not been sent yet.
 *
 * <p>Wire form: {@code 1~<layout>~<slot>~<sent>~<next[0]>.<next[1]>...}, numbers in base 36.
 */
public record Cut(String layout, long[] next, int slot, int sent) {

    private static final String VERSION = "1";

    public Cut {
        next = next.clone();
    }

    /** The cut of a socket that has been sent everything before {@code next}. */
    public static Cut before(String layout, long[] next) {
        return new Cut(layout, next, 0, 0);
    }

    /** Where a replay of slot {@code s} starts: the first record not wholly sent. */
    public long start(int s) {
        return next[s];
    }

    /** How many client events of the record at {@link #start} in slot {@code s} were sent already. */
    public int alreadySent(int s) {
        return s == slot ? sent : 0;
    }

    public long[] next() {
        return next.clone();
    }

    public String encode() {
        StringBuilder text = new StringBuilder(8 + next.length * 4).append(VERSION).append('~').append(layout)
                .append('~').append(Integer.toString(slot, 36)).append('~').append(Integer.toString(sent, 36))
                .append('~');
        for (int i = 0; i < next.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(Long.toString(next[i], 36));
        }
        return text.toString();
    }

    /** The cut an offset string names, if it is one of this layout's. */
    public static Optional<Cut> parse(String offset, FeedLayout layout) {
        if (offset == null) {
            return Optional.empty();
        }
        String[] parts = offset.split("~", -1);
        if (parts.length != 5 || !parts[0].equals(VERSION) || !parts[1].equals(layout.fingerprint())) {
            return Optional.empty();
        }
        try {
            String[] values = parts[4].split("\\.", -1);
            if (values.length != layout.slots()) {
                return Optional.empty();
            }
            long[] next = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                next[i] = Long.parseLong(values[i], 36);
                if (next[i] < 0) {
                    return Optional.empty();
                }
            }
            int slot = Integer.parseInt(parts[2], 36);
            int sent = Integer.parseInt(parts[3], 36);
            if (slot < 0 || slot >= next.length || sent < 0) {
                return Optional.empty();
            }
            return Optional.of(new Cut(parts[1], next, slot, sent));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cut cut && cut.layout.equals(layout) && Arrays.equals(cut.next, next)
                && cut.slot == slot && cut.sent == sent;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(next) + slot * 7 + sent;
    }

    @Override
    public String toString() {
        return encode();
    }
}
