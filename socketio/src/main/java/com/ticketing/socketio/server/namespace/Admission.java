package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.server.recovery.RecoveredSession;

/**
 * The outcome of admitting a CONNECT: the middlewares' decision and, when the client resumed a
 * dropped session, that session.
 *
 * @param decision  accepted or refused (and why)
 * @param recovered the recovered session, or null
 */
public record Admission(ConnectDecision decision, RecoveredSession recovered) {
}
