package com.ticketing.socketio.server.socket;

import java.util.Objects;

/**
 * A typed key of a socket attribute (what the reference server calls {@code socket.data}).
 *
 * @param name the attribute name, unique per socket
 * @param type the value type
 */
public record AttributeKey<T>(String name, Class<T> type) {

    public AttributeKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A key named {@code name} holding values of {@code type}. */
    public static <T> AttributeKey<T> of(String name, Class<T> type) {
        return new AttributeKey<>(name, type);
    }
}
