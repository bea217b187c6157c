package com.ticketing.socketio.server.client;

import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.server.SocketIoOptions.InboundLimits;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of each client address that have not completed a CONNECT yet: what a client can
 * hold without a token. A handshake beyond the limit is refused, so no single address can fill the
 * server with sessions that will never authenticate.
 */
public final class PreConnectSessions {

    private final int limit;
    private final java.util.Set<String> trustedProxies;
    private final ConcurrentHashMap<String, Integer> byAddress = new ConcurrentHashMap<>();

    public PreConnectSessions(InboundLimits limits) {
        this.limit = limits.maxPreConnectSessionsPerAddress();
        this.trustedProxies = limits.trustedProxies();
    }

    /** Whether a new session from this handshake's client may open. */
    public boolean admits(HandshakeData handshake) {
        return byAddress.getOrDefault(handshake.clientAddress(trustedProxies), 0) < limit;
    }

    /** Counts a session that opened; returns the address to {@link #settle} once. */
    String opened(HandshakeData handshake) {
        String address = handshake.clientAddress(trustedProxies);
        byAddress.merge(address, 1, Integer::sum);
        return address;
    }

    /** The session connected or closed: it no longer counts. */
    void settle(String address) {
        byAddress.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
}
