package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.server.socket.AttributeKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A middleware's answer to a CONNECT: accept (optionally with attributes for the new socket), or
 * refuse with the message and optional data the client gets in {@code connect_error}.
 */
public final class ConnectDecision {

    private static final ConnectDecision ACCEPT = new ConnectDecision(true, null, null, Map.of());

    private final boolean accepted;
    private final String message;
    private final Object data;
    private final Map<String, Object> attributes;

    private ConnectDecision(boolean accepted, String message, Object data, Map<String, Object> attributes) {
        this.accepted = accepted;
        this.message = message;
        this.data = data;
        this.attributes = attributes;
    }

    /** Accept the connection. */
    public static ConnectDecision accept() {
        return ACCEPT;
    }

    /** Refuse with {@code {"message": message}}. */
    public static ConnectDecision refuse(String message) {
        return refuse(message, null);
    }

    /** Refuse with {@code {"message": message, "data": data}}; data is mapped to JSON. */
    public static ConnectDecision refuse(String message, Object data) {
        return new ConnectDecision(false, Objects.requireNonNull(message, "message"), data, Map.of());
    }

    /** An acceptance that also sets an attribute of the new socket (e.g. the authenticated user). */
    public <T> ConnectDecision with(AttributeKey<T> key, T value) {
        if (!accepted) {
            throw new IllegalStateException("a refusal carries no attributes");
        }
        Map<String, Object> next = new HashMap<>(attributes);
        next.put(key.name(), value);
        return new ConnectDecision(true, null, null, Map.copyOf(next));
    }

    /** This decision, keeping the attributes an earlier middleware set (later ones win). */
    ConnectDecision after(ConnectDecision earlier) {
        if (!accepted || earlier.attributes.isEmpty()) {
            return this;
        }
        Map<String, Object> merged = new HashMap<>(earlier.attributes);
        merged.putAll(attributes);
        return new ConnectDecision(true, null, null, Map.copyOf(merged));
    }

    public boolean isAccepted() {
        return accepted;
    }

    /** The refusal message; null when accepted. */
    public String message() {
        return message;
    }

    /** The refusal data; null when none. */
    public Object data() {
        return data;
    }

    /** Attributes given to the new socket, by name. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return accepted ? "accept" + attributes.keySet() : "refuse(" + message + ")";
    }
}
