package com.ticketing.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tokens that {@link JwtValidator} found valid, so that a client sending the same token with every request
 * is not parsed and verified again each time (on an inbox read the full check is about a tenth of the
 * service's CPU). Only valid results are kept, each under its exact token, and only until its
 * {@code exp} plus the clock skew: from then on the token goes through the full check again, which refuses
 * it as expired. Nothing else a check depends on can change while a validator lives (its key, algorithm,
 * issuer and audience are fixed), so a kept result is the result the full check would give.
 * <p>
 * Fixed memory: a direct-mapped table of {@code capacity} slots, where a token replaces whichever token
 * had its slot. Lookups take no lock. A token is compared with the one in its slot in constant time
 * ({@link MessageDigest#isEqual}), so timing cannot reveal how much of another user's token a guess
 * matches.
 */
final class VerifiedTokens {

    private record Entry(byte[] token, AuthenticatedUser user, Instant usableUntil) {
    }

    private final AtomicReferenceArray<Entry> slots;
    private final int mask;
    private final Duration clockSkew;

    /** {@code capacity} is rounded up to a power of two. */
    VerifiedTokens(int capacity, Duration clockSkew) {
        int size = capacity <= 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
        this.slots = new AtomicReferenceArray<>(size);
        this.mask = size - 1;
        this.clockSkew = clockSkew;
    }

    /** The user of a token kept earlier and still before its expiry (plus skew) at {@code now}, or null. */
    AuthenticatedUser find(String token, Instant now) {
        Entry entry = slots.get(slot(token));
        if (entry == null || !now.isBefore(entry.usableUntil())
                || !MessageDigest.isEqual(entry.token(), token.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return entry.user();
    }

    /** Keeps a token the full check found valid. */
    void keep(String token, AuthenticatedUser user) {
        slots.set(slot(token), new Entry(token.getBytes(StandardCharsets.UTF_8), user, user.expiresAt().plus(clockSkew)));
    }

    private int slot(String token) {
        int hash = token.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }
}
