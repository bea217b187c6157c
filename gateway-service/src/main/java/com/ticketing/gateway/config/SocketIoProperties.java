package com.ticketing.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Socket.IO settings of the gateway ({@code ticketing.socketio.*}); defaults are the contract's.
 *
 * @param corsOrigins          origins allowed to poll cross-origin; {@code *} allows any
 * @param maxSocketsPerUser    the next CONNECT beyond this is refused with "Too many connections"
 * @param maxOutboundPackets   a socket that lets this many packets pile up unread is disconnected
 * @param maxOutboundBytes     a socket whose client lets this much wait unread is disconnected at once
 *                             ({@code transport error}, so it may recover)
 * @param maxPreConnectSessionsPerAddress sessions one client address may hold before their CONNECT
 *                             succeeded; the next handshake is refused (403)
 * @param trustedProxies       peers whose {@code X-Forwarded-For} names the client (load balancers)
 */
@ConfigurationProperties("ticketing.socketio")
public record SocketIoProperties(@DefaultValue("25s") Duration pingInterval, @DefaultValue("20s") Duration pingTimeout,
                                 @DefaultValue("1000000") int maxPayload, @DefaultValue("45s") Duration connectTimeout,
                                 @DefaultValue("10s") Duration ackTimeout, @DefaultValue("*") List<String> corsOrigins,
                                 @DefaultValue("true") boolean corsCredentials,
                                 @DefaultValue("20") int maxSocketsPerUser,
                                 @DefaultValue("1000") int maxOutboundPackets,
                                 @DefaultValue("256KB") DataSize maxOutboundBytes,
                                 @DefaultValue("50") int maxPreConnectSessionsPerAddress,
                                 @DefaultValue("") List<String> trustedProxies) {

    public SocketIoProperties {
        if (maxSocketsPerUser < 1) {
            throw new IllegalArgumentException("ticketing.socketio.max-sockets-per-user must be at least 1");
        }
    }

    /**
     * Whether cross-origin requests may carry credentials: only for origins listed by name. With
     * {@code *} any page could make a signed-in browser's requests, so credentials are never allowed.
     */
    public boolean corsCredentialsAllowed() {
        return corsCredentials && !corsOrigins.contains("*");
    }
}
