package com.ticketing.socketio.engine.server;

/**
 * The answer channel of one long-polling GET; exactly one of its methods is called, once, on the
 * session's executor.
 */
public interface PollResponder {

    /** Answers the poll with an encoded payload. */
    void respond(String payload);

    /** Refuses the poll: the request is answered with this error. */
    void refuse(EngineIoError error);
}
