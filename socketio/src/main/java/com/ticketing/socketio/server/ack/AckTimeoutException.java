package com.ticketing.socketio.server.ack;

/** The client did not acknowledge an event within the timeout, or left before doing so. */
public final class AckTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AckTimeoutException(String message) {
        super(message, null, false, false);
    }
}
