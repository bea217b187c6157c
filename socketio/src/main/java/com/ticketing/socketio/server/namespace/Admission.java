package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.server.recovery.SessionSnapshot;

/**
 * The outcome of admitting a CONNECT: the middlewares' decision and, when the client may resume a
 * dropped session, that session and the offset it resumes from.
 *
 * @param decision   accepted or refused (and why)
 * @param recovering the session to resume, or null
 * @param offset     the offset the client presented, with {@code recovering}
 */
public record Admission(ConnectDecision decision, SessionSnapshot recovering, String offset) {

    public static Admission fresh(ConnectDecision decision) {
        return new Admission(decision, null, null);
    }
}
