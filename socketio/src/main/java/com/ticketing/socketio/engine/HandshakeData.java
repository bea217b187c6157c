package com.ticketing.socketio.engine;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

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

    /** First value of a header, by lower-case name, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
