package com.ticketing.socketio.engine.packet;

/**
 * A packet or payload that does not follow the wire format, with what was wrong with it.
 */
public final class PacketDecodeException extends RuntimeException {

    /** What kind of violation was found. */
    public enum Problem {
        EMPTY_PACKET("empty packet"),
        UNKNOWN_TYPE("unknown packet type"),
        INVALID_BASE64("invalid base64 in binary packet");

        private final String description;

        Problem(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final Problem problem;

    public PacketDecodeException(Problem problem, String detail) {
        super(problem.description() + (detail == null ? "" : ": " + detail), null, false, false);
        this.problem = problem;
    }

    /** The kind of violation. */
    public Problem problem() {
        return problem;
    }
}
