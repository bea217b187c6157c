package com.ticketing.auth;

import com.ticketing.auth.web.Ids;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks bearer tokens: the one JWT validator of the platform, shared by the gateway's CONNECT and
 * every REST endpoint. Only the configured algorithm (HS256, or RS256 with a public key) is
 * accepted; unsigned ({@code alg: none}) and other algorithms are refused; {@code exp} and
 * {@code sub} are required. A token found valid is remembered until it expires ({@link VerifiedTokens}), so
 * a client that sends the same token with every request pays for its check once. Thread-safe.
 */
public final class JwtValidator {

    private static final String ROLES_CLAIM = "roles";
    /** Tokens remembered at once: a few megabytes at most, and enough for the users active on one instance. */
    private static final int REMEMBERED_TOKENS = 8192;

    private final JwtParser parser;
    private final Supplier<Instant> clock;
    private final VerifiedTokens verified;

    public JwtValidator(JwtSettings settings) {
        this(settings, Instant::now);
    }

    /** A validator on {@code clock}, for {@code exp} and {@code nbf} and for how long a valid token is remembered. */
    JwtValidator(JwtSettings settings, Supplier<Instant> clock) {
        this.clock = clock;
        this.verified = new VerifiedTokens(REMEMBERED_TOKENS, settings.clockSkew());
        String algorithm = settings.usesRsa() ? "RS256" : "HS256";
        Key key = settings.usesRsa() ? PemKeys.rsaPublicKey(settings.publicKeyPem())
                : Keys.hmacShaKeyFor(settings.secret().getBytes(StandardCharsets.UTF_8));
        JwtParserBuilder builder = Jwts.parser()
                .keyLocator(new PinnedAlgorithmKey(algorithm, key))
                .clock(() -> Date.from(clock.get()))
                .clockSkewSeconds(settings.clockSkew().toSeconds());
        if (settings.issuer() != null) {
            builder.requireIssuer(settings.issuer());
        }
        if (settings.audience() != null) {
            builder.requireAudience(settings.audience());
        }
        this.parser = builder.build();
    }

    /** Checks a raw token (without any {@code Bearer } prefix); null or blank is {@link AuthFailure#MISSING}. */
    public TokenCheck check(String token) {
        if (token == null || token.isBlank()) {
            return new TokenCheck.Refused(AuthFailure.MISSING, "no token");
        }
        String jwt = token.trim();
        AuthenticatedUser remembered = verified.find(jwt, clock.get());
        if (remembered != null) {
            return new TokenCheck.Valid(remembered);
        }
        try {
            TokenCheck check = validClaims(parser.parseSignedClaims(jwt).getPayload());
            if (check instanceof TokenCheck.Valid valid) {
                verified.keep(jwt, valid.user());
            }
            return check;
        } catch (ExpiredJwtException e) {
            return new TokenCheck.Refused(AuthFailure.EXPIRED, e.getMessage());
        } catch (JwtException | IllegalArgumentException e) {
            return new TokenCheck.Refused(AuthFailure.INVALID, e.getMessage());
        }
    }

    /** Checks an {@code Authorization} header value ({@code Bearer <jwt>}). */
    public TokenCheck checkAuthorizationHeader(String header) {
        if (header == null || header.isBlank()) {
            return new TokenCheck.Refused(AuthFailure.MISSING, "no Authorization header");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new TokenCheck.Refused(AuthFailure.INVALID, "Authorization is not a Bearer token");
        }
        return check(header.substring(7));
    }

    private static TokenCheck validClaims(Claims claims) {
        Date expiration = claims.getExpiration();
        if (expiration == null) {
            return new TokenCheck.Refused(AuthFailure.INVALID, "token has no exp");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            return new TokenCheck.Refused(AuthFailure.INVALID, "token has no sub");
        }
        if (!Ids.isValid(subject)) {
            // refused here, for sockets and REST alike: such a user's messages could never be delivered
            return new TokenCheck.Refused(AuthFailure.INVALID_SUBJECT, "sub breaks the id rule");
        }
        return new TokenCheck.Valid(new AuthenticatedUser(subject, roles(claims.get(ROLES_CLAIM)), expiration.toInstant()));
    }

    private static Set<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet());
        }
        return Set.of();
    }

    /** Gives the key only to tokens whose header names the one algorithm we accept. */
    private static final class PinnedAlgorithmKey extends LocatorAdapter<Key> {
        private final String algorithm;
        private final Key key;

        PinnedAlgorithmKey(String algorithm, Key key) {
            this.algorithm = algorithm;
            this.key = key;
        }

        @Override
        protected Key locate(ProtectedHeader header) {
            if (!algorithm.equals(header.getAlgorithm())) {
                throw new UnsupportedJwtException("algorithm " + header.getAlgorithm() + " is not accepted");
            }
            return key;
        }
    }
}
