package com.ticketing.gateway.demo;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo mode of the gateway ({@code ticketing.demo.*}): when enabled, {@code /demo/token} mints tokens for
 * a few fixed demo users so the page at {@code /} works without a token of one's own. Off by default;
 * never turn it on in production.
 *
 * @param enabled  {@code TICKETING_DEMO_ENABLED}; {@code ./ticketing local} turns it on
 * @param users    the only user ids a demo token can be minted for
 * @param tokenTtl how long a demo token is valid (1 second to 24 hours)
 */
@ConfigurationProperties("ticketing.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue({"alice", "bob", "carol"}) List<String> users,
                             @DefaultValue("1h") Duration tokenTtl) {

    public DemoProperties {
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("ticketing.demo.users must name at least one user");
        }
        if (tokenTtl.compareTo(Duration.ofSeconds(1)) < 0 || tokenTtl.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("ticketing.demo.token-ttl must be between 1s and 24h: " + tokenTtl);
        }
    }
}
