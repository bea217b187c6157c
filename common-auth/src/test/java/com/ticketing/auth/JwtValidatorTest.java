package com.ticketing.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class JwtValidatorTest {

    private static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256!";
    private static final JwtSettings SETTINGS = JwtSettings.hs256(SECRET);
    private final JwtValidator validator = new JwtValidator(SETTINGS);
    private final JwtIssuer issuer = new JwtIssuer(SETTINGS);

    @Test
    void validTokenGivesTheUserAndRoles() {
        TokenCheck check = validator.check(issuer.issue("alice", true, Duration.ofHours(1)));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class, valid -> {
            assertThat(valid.user().userId()).isEqualTo("alice");
            assertThat(valid.user().isAdmin()).isTrue();
        });
    }

    @Test
    void nonAdminTokenHasNoAdminRole() {
        TokenCheck check = validator.check(issuer.issue("bob", false, Duration.ofHours(1)));

        assertThat(check).isInstanceOfSatisfying(TokenCheck.Valid.class,
                valid -> assertThat(valid.user().isAdmin()).isFalse());
    }

    @Test
    void missingTokenIsAuthenticationRequired() {
        assertRefused(validator.check(null), AuthFailure.MISSING);
        assertRefused(validator.check("  "), AuthFailure.MISSING);
        assertRefused(validator.checkAuthorizationHeader(null), AuthFailure.MISSING);
    }

    @Test
    void expiredTokenIsTokenExpired() {
        assertRefused(validator.check(issuer.issue("alice", false, Duration.ofMinutes(-5))), AuthFailure.EXPIRED);
    }

    @Test
    void expiryWithinTheClockSkewIsStillAccepted() {
        JwtIssuer past = new JwtIssuer(SETTINGS, Clock.fixed(Instant.now().minusSeconds(20), ZoneOffset.UTC));

        assertThat(validator.check(past.issue("alice", false, Duration.ofSeconds(5)))).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void notYetValidTokenIsInvalid() {
        String token = Jwts.builder().subject("alice").notBefore(Date.from(Instant.now().plusSeconds(600)))
                .expiration(Date.from(Instant.now().plusSeconds(3600))).signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();

        assertRefused(validator.check(token), AuthFailure.INVALID);
    }

    @Test
    void tokenSignedWithAnotherKeyIsInvalid() {
        JwtIssuer other = new JwtIssuer(JwtSettings.hs256("another-secret-that-is-long-enough-for-hs256"));

        assertRefused(validator.check(other.issue("alice", false, Duration.ofHours(1))), AuthFailure.INVALID);
    }

    @Test
    void hs512WithTheRightSecretIsRefusedBecauseOnlyHs256IsAccepted() {
        String secret64 = SECRET + SECRET;
        JwtValidator strongValidator = new JwtValidator(JwtSettings.hs256(secret64));
        String token = Jwts.builder().subject("alice").expiration(Date.from(Instant.now().plusSeconds(3600)))
                .signWith(hmacKey(secret64), Jwts.SIG.HS512).compact();

        assertRefused(strongValidator.check(token), AuthFailure.INVALID);
    }

    @Test
    void unsignedAlgNoneTokenIsInvalid() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"sub\":\"alice\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}");

        assertRefused(validator.check(header + "." + payload + "."), AuthFailure.INVALID);
    }

    @Test
    void tokenWithoutExpIsInvalid() {
        String token = Jwts.builder().subject("alice").signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();

        assertRefused(validator.check(token), AuthFailure.INVALID);
    }

    @Test
    void tokenWithoutSubIsInvalid() {
        String token = Jwts.builder().expiration(Date.from(Instant.now().plusSeconds(3600)))
                .signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();

        assertRefused(validator.check(token), AuthFailure.INVALID);
    }

    @Test
    void subThatBreaksTheIdRuleIsRefusedWithTheRule() {
        String token = Jwts.builder().subject("auth0|x").expiration(Date.from(Instant.now().plusSeconds(3600)))
                .signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();

        assertRefused(validator.check(token), AuthFailure.INVALID_SUBJECT);
        assertThat(AuthFailure.INVALID_SUBJECT.clientMessage())
                .isEqualTo("Invalid token: sub must be 1 to 64 letters, digits or _ . : @ -");
    }

    @Test
    void garbageIsInvalid() {
        assertRefused(validator.check("not.a.jwt"), AuthFailure.INVALID);
        assertRefused(validator.checkAuthorizationHeader("Basic YWxpY2U6cHc="), AuthFailure.INVALID);
    }

    @Test
    void issuerAndAudienceAreCheckedWhenConfigured() {
        JwtSettings strict = new JwtSettings(SECRET, null, "ticketing", "realtime", Duration.ofSeconds(30));
        JwtValidator strictValidator = new JwtValidator(strict);

        assertThat(strictValidator.check(new JwtIssuer(strict).issue("alice", false, Duration.ofHours(1))))
                .isInstanceOf(TokenCheck.Valid.class);
        assertRefused(strictValidator.check(issuer.issue("alice", false, Duration.ofHours(1))), AuthFailure.INVALID);
        JwtSettings wrongAudience = new JwtSettings(SECRET, null, "ticketing", "elsewhere", Duration.ofSeconds(30));
        assertRefused(strictValidator.check(new JwtIssuer(wrongAudience).issue("alice", false, Duration.ofHours(1))),
                AuthFailure.INVALID);
    }

    @Test
    void rs256TokensAreVerifiedWithThePublicKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----";
        JwtValidator rsaValidator = new JwtValidator(new JwtSettings(null, pem, null, null, null));
        String token = Jwts.builder().subject("carol").claim("roles", List.of("admin"))
                .expiration(Date.from(Instant.now().plusSeconds(3600))).signWith(pair.getPrivate(), Jwts.SIG.RS256).compact();

        assertThat(rsaValidator.check(token)).isInstanceOfSatisfying(TokenCheck.Valid.class,
                valid -> assertThat(valid.user().isAdmin()).isTrue());
        assertRefused(rsaValidator.check(issuer.issue("carol", false, Duration.ofHours(1))), AuthFailure.INVALID);
    }

    @Test
    void aRememberedTokenIsRefusedAsExpiredOnceItsExpiryAndTheSkewHavePassed() {
        Instant issuedAt = Instant.parse("2026-12-01T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(issuedAt);
        JwtValidator clocked = new JwtValidator(SETTINGS, now::get);
        String token = new JwtIssuer(SETTINGS, Clock.fixed(issuedAt, ZoneOffset.UTC)).issue("alice", false, Duration.ofMinutes(5));
        assertThat(clocked.check(token)).isInstanceOf(TokenCheck.Valid.class);

        now.set(issuedAt.plus(Duration.ofMinutes(5).plusSeconds(29)));
        assertThat(clocked.check(token)).isInstanceOf(TokenCheck.Valid.class);
        now.set(issuedAt.plus(Duration.ofMinutes(5).plusSeconds(31)));
        assertRefused(clocked.check(token), AuthFailure.EXPIRED);
    }

    @Test
    void aTokenThatDiffersFromARememberedOneIsCheckedInFull() {
        String token = issuer.issue("alice", false, Duration.ofHours(1));
        assertThat(validator.check(token)).isInstanceOf(TokenCheck.Valid.class);
        int inSignature = token.length() - 10; // not the last character: its low bits are padding
        char original = token.charAt(inSignature);
        String tampered = token.substring(0, inSignature) + (original == 'A' ? 'B' : 'A') + token.substring(inSignature + 1);

        assertRefused(validator.check(tampered), AuthFailure.INVALID);
        assertThat(validator.check(token)).isInstanceOfSatisfying(TokenCheck.Valid.class,
                valid -> assertThat(valid.user().userId()).isEqualTo("alice"));
    }

    @Test
    void rememberedTokensShareSlotsWithoutMixingUpTheirUsers() {
        VerifiedTokens one = new VerifiedTokens(1, Duration.ZERO);
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        AuthenticatedUser alice = new AuthenticatedUser("alice", java.util.Set.of(), now.plusSeconds(60));
        AuthenticatedUser bob = new AuthenticatedUser("bob", java.util.Set.of(), now.plusSeconds(60));

        one.keep("token-of-alice", alice);
        assertThat(one.find("token-of-alice", now)).isEqualTo(alice);
        assertThat(one.find("token-of-bob", now)).isNull();
        one.keep("token-of-bob", bob);
        assertThat(one.find("token-of-bob", now)).isEqualTo(bob);
        assertThat(one.find("token-of-alice", now)).isNull();
        assertThat(one.find("token-of-bob", now.plusSeconds(60))).isNull();
    }

    @Test
    void shortSecretsAndLargeClockSkewAreRejectedAtStartUp() {
        assertThatThrownBy(() -> JwtSettings.hs256("short")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new JwtSettings(SECRET, null, null, null, Duration.ofMinutes(5)))
                .hasMessageContaining("60 seconds");
        assertThatThrownBy(() -> new JwtSettings(null, null, null, null, null)).hasMessageContaining("TICKETING_JWT_SECRET");
    }

    private static void assertRefused(TokenCheck check, AuthFailure failure) {
        assertThat(check).isInstanceOfSatisfying(TokenCheck.Refused.class,
                refused -> assertThat(refused.failure()).isEqualTo(failure));
    }

    private static javax.crypto.SecretKey hmacKey(String secret) {
        return Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
