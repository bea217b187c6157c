package com.ticketing.gateway.presence;

import java.time.Instant;

/**
 * The instance store's value: when a gateway instance last proved it was alive, and since when it has been
 * alive without a break long enough to be swept out. Which users have
 * sockets on it is a store of its own ({@link PresenceTopology#INSTANCE_USERS_STORE}), one small
 * entry per user, so a connect or a heartbeat never copies or serializes the instance's whole
 * population (with thousands of sockets on one gateway that was its busiest thread).
 */
public record InstanceLiveness(Instant lastSeen, Instant since) {

    /** An instance heard for the first time, or again after it was swept out. */
    static InstanceLiveness bornAt(Instant at) {
        return new InstanceLiveness(at, at);
    }

    InstanceLiveness seenAt(Instant at) {
        return at.isAfter(lastSeen) ? new InstanceLiveness(at, since) : this;
    }
}
