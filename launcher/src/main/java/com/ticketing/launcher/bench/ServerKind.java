package com.ticketing.launcher.bench;

import java.util.Arrays;

/** The servers a benchmark compares: the gateway and the reference Node socket.io server. */
public enum ServerKind {
    GATEWAY("gateway"),
    NODE("node");

    private final String label;

    ServerKind(String label) {
        this.label = label;
    }

    /** The name in tables and in {@code --only}. */
    public String label() {
        return label;
    }

    static ServerKind named(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--only takes gateway or node, was " + label));
    }
}
