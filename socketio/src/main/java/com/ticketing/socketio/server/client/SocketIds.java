package com.ticketing.socketio.server.client;

import java.security.SecureRandom;
import java.util.Base64;

/** Random, unguessable identifiers for sockets and their private recovery ids. */
public final class SocketIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SocketIds() {
    }

    /** A fresh 20-character URL-safe id (120 random bits). */
    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
