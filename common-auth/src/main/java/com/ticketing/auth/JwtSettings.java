package com.ticketing.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * How tokens are checked: HS256 with a shared secret, or RS256 when a public key is given; issuer
 * and audience are checked when set.
 *
 * @param secret       HS256 key, at least 32 bytes (also used to mint tokens)
 * @param publicKeyPem optional X.509 PEM public key; when set, tokens must be RS256
 * @param issuer       required {@code iss}, or null to accept any
 * @param audience     required {@code aud}, or null to accept any
 * @param clockSkew    tolerance for {@code exp}/{@code nbf}, at most 60 seconds
 */
public record JwtSettings(String secret, String publicKeyPem, String issuer, String audience, Duration clockSkew) {

    /**
     * The HS256 secret of {@code ./ticketing local}, published in this repository: a service configured
     * with it refuses to start unless demo mode is on ({@link #requireNoPublishedSecret}).
     */
    public static final String DEVELOPMENT_SECRET = "ticketing-local-development-secret-not-for-production";
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    private static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        publicKeyPem = blankToNull(publicKeyPem);
        secret = blankToNull(secret);
        issuer = blankToNull(issuer);
        audience = blankToNull(audience);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        if (publicKeyPem == null && secret == null) {
            throw new IllegalArgumentException("set TICKETING_JWT_SECRET (HS256, at least 32 bytes) "
                    + "or TICKETING_JWT_PUBLIC_KEY (RS256 PEM)");
        }
        if (secret != null && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("TICKETING_JWT_SECRET must be at least 32 bytes for HS256");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("JWT clock skew must be between 0 and 60 seconds: " + clockSkew);
        }
    }

    /** HS256 settings with a secret and the default clock skew. */
    public static JwtSettings hs256(String secret) {
        return new JwtSettings(secret, null, null, null, DEFAULT_CLOCK_SKEW);
    }

    /**
     * Refuses the published development secret outside demo mode: anyone could mint tokens for any
     * user of a deployment that kept it.
     */
    public JwtSettings requireNoPublishedSecret(boolean demoMode) {
        if (DEVELOPMENT_SECRET.equals(secret) && !demoMode) {
            throw new IllegalStateException("TICKETING_JWT_SECRET is the local development secret, published with the "
                    + "source: set a secret of your own, or TICKETING_DEMO_ENABLED=true for a demo");
        }
        return this;
    }

    /** Whether tokens are verified with an RSA public key. */
    public boolean usesRsa() {
        return publicKeyPem != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
