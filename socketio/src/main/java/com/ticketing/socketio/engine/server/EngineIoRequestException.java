package com.ticketing.socketio.engine.server;

/**
 * A request the server refuses before any session work, carrying the reference error to answer with.
 */
public final class EngineIoRequestException extends RuntimeException {

    private final EngineIoError error;

    public EngineIoRequestException(EngineIoError error, String detail) {
        super(error.message() + (detail == null ? "" : " (" + detail + ")"), null, false, false);
        this.error = error;
    }

    /** The error to answer with. */
    public EngineIoError error() {
        return error;
    }
}
