package com.ticketing.socketio.server;

/** Everything that can go wrong in the Socket.IO layer; {@link FailurePolicy} says what each leads to. */
public enum Failure {
    /** The peer sent something that is not a Socket.IO packet. */
    MALFORMED_PACKET,
    /** A valid packet that makes no sense now (an event for a namespace not joined, a second CONNECT). */
    UNEXPECTED_PACKET,
    /** A CONNECT for a namespace the server does not serve. */
    UNKNOWN_NAMESPACE,
    /** A connect middleware failed instead of deciding. */
    MIDDLEWARE_FAILED,
    /** An application handler (connection, event, disconnect listener) threw. */
    HANDLER_FAILED,
    /** The session joined no namespace within the connect timeout. */
    CONNECT_TIMEOUT,
    /** Before its first CONNECT succeeded, the session sent binary or a message above the pre-CONNECT limit. */
    OVER_PRE_CONNECT_LIMIT,
    /** A packet's binary attachments did not all arrive within the attachment timeout. */
    ATTACHMENTS_TIMED_OUT
}
