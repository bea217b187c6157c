package com.ticketing.gateway.socket;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.auth.JwtValidator;
import com.ticketing.auth.TokenCheck;
import com.ticketing.auth.ratelimit.RateLimit;
import com.ticketing.auth.ratelimit.SlidingWindowRateLimiter;
import com.ticketing.gateway.config.LimitsProperties;
import com.ticketing.gateway.config.SocketIoProperties;
import com.ticketing.gateway.presence.PresenceService;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.server.namespace.ConnectDecision;
import com.ticketing.socketio.server.namespace.ConnectMiddleware;
import com.ticketing.socketio.server.socket.AttributeKey;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Decides every CONNECT to {@code /}: the JWT in {@code auth.token} must be valid, the user may make
 * only so many attempts in a window (a user cycling CONNECT/DISCONNECT would otherwise cost a
 * presence record per step without limit), and may not hold more than the configured number of
 * sockets. Refusals reach the client as {@code connect_error} with the contract's message and are
 * counted by reason.
 */
public final class ConnectionGate implements ConnectMiddleware {

    /** The authenticated user of an accepted socket. */
    public static final AttributeKey<AuthenticatedUser> USER = AttributeKey.of("user", AuthenticatedUser.class);
    static final String TOO_MANY_CONNECTIONS = "Too many connections";
    static final String TOO_MANY_ATTEMPTS = "Too many connection attempts";

    private final JwtValidator validator;
    private final SocketIoProperties properties;
    private final LocalSockets localSockets;
    private final PresenceService presence;
    private final MeterRegistry meters;
    private final SlidingWindowRateLimiter attempts;

    public ConnectionGate(JwtValidator validator, SocketIoProperties properties, LimitsProperties limits,
                          LocalSockets localSockets, PresenceService presence, MeterRegistry meters) {
        this.attempts = new SlidingWindowRateLimiter(new RateLimit(limits.connectAttempts(),
                limits.connectAttemptsWindow()));
        this.presence = presence;
        this.validator = validator;
        this.properties = properties;
        this.localSockets = localSockets;
        this.meters = meters;
    }

    @Override
    public CompletionStage<ConnectDecision> check(HandshakeData handshake, JsonNode auth) {
        JsonNode token = auth == null ? null : auth.get("token");
        TokenCheck check = validator.check(token != null && token.isString() ? token.asString() : null);
        if (check instanceof TokenCheck.Refused refused) {
            return refuse(refused.failure().name(), refused.failure().clientMessage());
        }
        AuthenticatedUser user = ((TokenCheck.Valid) check).user();
        if (!attempts.tryAcquire(user.userId()).allowed()) {
            return refuse("TOO_MANY_ATTEMPTS", TOO_MANY_ATTEMPTS);
        }
        if (socketsOf(user.userId()) >= properties.maxSocketsPerUser()) {
            return refuse("TOO_MANY_CONNECTIONS", TOO_MANY_CONNECTIONS);
        }
        return CompletableFuture.completedFuture(ConnectDecision.accept().with(USER, user));
    }

    /** Sockets the user holds on every instance; presence lags a little, so this instance's own count is a floor. */
    private int socketsOf(String userId) {
        int local = localSockets.count(userId);
        try {
            return Math.max(local, presence.getUserSockets(userId).size());
        } catch (RuntimeException presenceNotReady) {
            return local;
        }
    }

    private CompletionStage<ConnectDecision> refuse(String reason, String message) {
        meters.counter("gateway.auth.refused", "reason", reason).increment();
        return CompletableFuture.completedFuture(ConnectDecision.refuse(message));
    }
}
