package com.ticketing.auth;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Mints HS256 tokens with the shared secret: for {@code ./ticketing token}, the demo page and tests. */
public final class JwtIssuer {

    private final SecretKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public JwtIssuer(JwtSettings settings, Clock clock) {
        if (settings.secret() == null) {
            throw new IllegalArgumentException("minting tokens needs TICKETING_JWT_SECRET");
        }
        this.key = Keys.hmacShaKeyFor(settings.secret().getBytes(StandardCharsets.UTF_8));
        this.issuer = settings.issuer();
        this.audience = settings.audience();
        this.clock = clock;
    }

    public JwtIssuer(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** A token for {@code userId}, valid for {@code ttl} (a negative ttl gives an already-expired token). */
    public String issue(String userId, boolean admin, Duration ttl) {
        Instant now = clock.instant();
        Instant expiry = now.plus(ttl);
        var builder = Jwts.builder()
                .id(UUID.randomUUID().toString())
                .subject(userId)
                .issuedAt(Date.from(ttl.isNegative() ? expiry.minusSeconds(60) : now))
                .expiration(Date.from(expiry))
                .claim("roles", admin ? List.of(AuthenticatedUser.ADMIN_ROLE) : List.of());
        if (issuer != null) {
            builder.issuer(issuer);
        }
        if (audience != null) {
            builder.audience().add(audience);
        }
        return builder.signWith(key, Jwts.SIG.HS256).compact();
    }
}
