package com.ticketing.socketio.engine.server;

/** How a session's close treats what the client has not received yet. */
enum CloseMode {
    /** Closed from above: queued messages and a close packet still go out on polling. */
    GRACEFUL,
    /** Failure: a pending poll gets a close packet, nothing else is delivered. */
    ABORT,
    /** The client sent a close packet: a pending poll ends with a noop, as the reference does. */
    CLIENT_CLOSED
}
