package com.ticketing.socketio.server.socket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The attributes of one socket; the map is created on the first write, most sockets have few. */
final class SocketAttributes {

    private volatile Map<String, Object> values;

    SocketAttributes(Map<String, Object> initial) {
        this.values = initial.isEmpty() ? null : new ConcurrentHashMap<>(initial);
    }

    <T> T get(AttributeKey<T> key) {
        Map<String, Object> current = values;
        return current == null ? null : key.type().cast(current.get(key.name()));
    }

    <T> void set(AttributeKey<T> key, T value) {
        if (value == null) {
            Map<String, Object> current = values;
            if (current != null) {
                current.remove(key.name());
            }
        } else {
            forUpdate().put(key.name(), value);
        }
    }

    Map<String, Object> copy() {
        Map<String, Object> current = values;
        return current == null ? Map.of() : Map.copyOf(current);
    }

    private Map<String, Object> forUpdate() {
        Map<String, Object> current = values;
        if (current == null) {
            synchronized (this) {
                current = values;
                if (current == null) {
                    current = new ConcurrentHashMap<>(4);
                    values = current;
                }
            }
        }
        return current;
    }
}
