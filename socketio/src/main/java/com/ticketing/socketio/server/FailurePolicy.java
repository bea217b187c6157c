package com.ticketing.socketio.server;

import com.ticketing.socketio.DisconnectReason;

/**
 * The one place that decides what a {@link Failure} leads to: closing the connection with a reason,
 * answering the CONNECT with an error, or only logging.
 */
public final class FailurePolicy {

    /** Message of the CONNECT_ERROR answering a CONNECT to a namespace nobody registered. */
    public static final String INVALID_NAMESPACE = "Invalid namespace";

    /** Message of the CONNECT_ERROR when a middleware failed; the cause is logged, not sent. */
    public static final String SERVER_ERROR = "Server error";

    private FailurePolicy() {
    }

    /** What to do about one failure. */
    public sealed interface Outcome {
    }

    /** Close the whole connection (every namespace of this client), nothing else. */
    public record CloseConnection(DisconnectReason reason) implements Outcome {
    }

    /** Answer the CONNECT with CONNECT_ERROR {@code {"message": message}}; keep the connection. */
    public record AnswerConnectError(String message) implements Outcome {
    }

    /** Keep going; the failure is only logged. */
    public record LogOnly() implements Outcome {
    }

    /** The outcome of a failure. */
    public static Outcome outcome(Failure failure) {
        switch (failure) {
            case MALFORMED_PACKET:
            case UNEXPECTED_PACKET:
            case OVER_PRE_CONNECT_LIMIT:
            case ATTACHMENTS_TIMED_OUT:
                return new CloseConnection(DisconnectReason.PARSE_ERROR);
            case CONNECT_TIMEOUT:
                return new CloseConnection(DisconnectReason.CONNECT_TIMEOUT);
            case UNKNOWN_NAMESPACE:
                return new AnswerConnectError(INVALID_NAMESPACE);
            case MIDDLEWARE_FAILED:
                return new AnswerConnectError(SERVER_ERROR);
            default:
                return new LogOnly();
        }
    }
}
