package com.ticketing.auth;

import java.time.Instant;
import java.util.Set;

/** Who a valid token says the caller is. */
public record AuthenticatedUser(String userId, Set<String> roles, Instant expiresAt) {

    public static final String ADMIN_ROLE = "admin";

    public AuthenticatedUser {
        roles = Set.copyOf(roles);
    }

    /** Whether the token carries the {@code admin} role. */
    public boolean isAdmin() {
        return roles.contains(ADMIN_ROLE);
    }
}
