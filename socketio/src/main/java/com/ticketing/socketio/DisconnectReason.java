package com.ticketing.socketio;

/**
 * Every reason a session or a socket can end for, with the wire text the reference server uses.
 *
 * <p>This is the one list of disconnect reasons: both the Engine.IO and the Socket.IO layer
 * close with one of these, and every failure is mapped to one of them in a single place.
 */
public enum DisconnectReason {
    TRANSPORT_CLOSE("transport close"),
    TRANSPORT_ERROR("transport error"),
    PING_TIMEOUT("ping timeout"),
    PARSE_ERROR("parse error"),
    FORCED_CLOSE("forced close"),
    SERVER_SHUTTING_DOWN("server shutting down"),
    CLIENT_NAMESPACE_DISCONNECT("client namespace disconnect"),
    SERVER_NAMESPACE_DISCONNECT("server namespace disconnect"),
    FORCED_SERVER_CLOSE("forced server close"),
    CONNECT_TIMEOUT("connect timeout"),
    PAYLOAD_TOO_LARGE("payload too large");

    private final String wireText;

    DisconnectReason(String wireText) {
        this.wireText = wireText;
    }

    /** The reason as the reference implementation names it (what clients see). */
    public String wireText() {
        return wireText;
    }
}
