package com.ticketing.socketio.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of the handshake request kept for the session's lifetime. Deliberately small: only
 * the query parameters and the few headers upper layers read are kept, never the whole request.
 *
 * @param query         query parameters of the handshake request (first value of each)
 * @param headers       the retained request headers, lower-case names (e.g. origin, user-agent)
 * @param remoteAddress the peer address, if known
 */
public record HandshakeData(Map<String, String> query, Map<String, List<String>> headers,
                            InetSocketAddress remoteAddress) {

    public HandshakeData {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /**
     * The client's address: the peer's, or, when the peer is one of {@code trustedProxies}, the
     * last hop of {@code X-Forwarded-For} that is not a trusted proxy (the one the proxies saw).
     */
    public String clientAddress(Set<String> trustedProxies) {
        String peer = remoteAddress == null || remoteAddress.getAddress() == null ? "unknown"
                : remoteAddress.getAddress().getHostAddress();
        List<String> forwarded = headers.get("x-forwarded-for");
        if (!trustedProxies.contains(peer) || forwarded == null) {
            return peer;
        }
        String[] hops = String.join(",", forwarded).split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** First value of a header, by lower-case name, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
