package com.ticketing.socketio.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable identifiers for Engine.IO sessions, Socket.IO sockets and their private recovery ids:
 * 15 random bytes from a CSPRNG as 20 URL-safe base64 characters.
 */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private RandomIds() {
    }

    /** A fresh 20-character URL-safe id (120 random bits). */
    public static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }
}
