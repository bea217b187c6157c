package com.ticketing.gateway.presence;

import java.time.Instant;

/**
 * The instance store's value: when a gateway instance last proved it was alive (record time), since when it
 * has been alive without a break long enough to be swept out, and the send time (the instance's own clock)
 * of its latest heartbeat that this view has read: everything the instance published before that heartbeat
 * has been read too, since its events reach the one partition in the order it published them. Which users
 * have sockets on it is a store of its own ({@link PresenceTopology#INSTANCE_USERS_STORE}), one small
 * entry per user, so a connect or a heartbeat never copies or serializes the instance's whole
 * population (with thousands of sockets on one gateway that was its busiest thread).
 *
 * @param readUpTo null until a heartbeat of this life was read
 */
public record InstanceLiveness(Instant lastSeen, Instant since, Instant readUpTo) {

    /** An instance heard for the first time, or again after it was swept out. */
    static InstanceLiveness bornAt(Instant at) {
        return new InstanceLiveness(at, at, null);
    }

    InstanceLiveness seenAt(Instant at) {
        return at.isAfter(lastSeen) ? new InstanceLiveness(at, since, readUpTo) : this;
    }

    /** A heartbeat the instance sent at {@code sentAt} was read. */
    InstanceLiveness heartbeatSentAt(Instant sentAt) {
        return readUpTo != null && !sentAt.isAfter(readUpTo) ? this : new InstanceLiveness(lastSeen, since, sentAt);
    }
}
