package com.ticketing.socketio.server.ack;

/**
 * The acknowledgement a client asked for with an event; handed to every event handler, never null.
 * When the client asked for none, {@link #isRequested()} is false and {@link #send} does nothing.
 * Only the first {@code send} goes out; it may be called later, from any thread.
 */
public interface Ack {

    /** The acknowledgement of an event that asked for none. */
    Ack NONE = new Ack() {
        @Override
        public boolean isRequested() {
            return false;
        }

        @Override
        public boolean send(Object... args) {
            return false;
        }
    };

    /** Whether the client waits for an answer. */
    boolean isRequested();

    /**
     * Answers the client with these arguments (JSON nodes, byte arrays or values Jackson maps).
     * Returns whether the answer was sent (false if none was asked, already sent, or disconnected).
     */
    boolean send(Object... args);
}
