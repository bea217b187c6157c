package com.ticketing.gateway.presence;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instance store's value: when a gateway instance last proved it was alive, and which users
 * have sockets on it (so its sockets can be removed when it dies without saying goodbye).
 */
public record InstanceLiveness(Instant lastSeen, Set<String> userIds) {

    public InstanceLiveness {
        userIds = Set.copyOf(userIds);
    }

    InstanceLiveness seenAt(Instant at) {
        return at.isAfter(lastSeen) ? new InstanceLiveness(at, userIds) : this;
    }

    InstanceLiveness withUser(String userId) {
        if (userIds.contains(userId)) {
            return this;
        }
        Set<String> next = new TreeSet<>(userIds);
        next.add(userId);
        return new InstanceLiveness(lastSeen, next);
    }

    InstanceLiveness withoutUser(String userId) {
        if (!userIds.contains(userId)) {
            return this;
        }
        Set<String> next = new TreeSet<>(userIds);
        next.remove(userId);
        return new InstanceLiveness(lastSeen, next);
    }
}
