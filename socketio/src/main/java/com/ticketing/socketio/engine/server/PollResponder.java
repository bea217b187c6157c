package com.ticketing.socketio.engine.server;

/**
 * The answer channel of one pending long-polling GET; called at most once, never under a session lock.
 */
@FunctionalInterface
public interface PollResponder {

    /** Answers the poll with an encoded payload. */
    void respond(String payload);
}
