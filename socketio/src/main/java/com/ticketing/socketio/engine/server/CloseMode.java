package com.ticketing.socketio.engine.server;

/** How a session's close treats what the client has not received yet. */
enum CloseMode {
    /** Closed from above: queued messages, then a close packet (polling) or frame (WebSocket), still go out. */
    GRACEFUL,
    /** Failure: a pending poll gets a close packet, a WebSocket a close frame; nothing queued is delivered. */
    ABORT,
    /** The client sent a close packet: a pending poll ends with a noop, as the reference does. */
    CLIENT_CLOSED,
    /** The client stopped reading: the connection is dropped at once, nothing more is written. */
    DROP
}
