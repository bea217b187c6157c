package com.ticketing.socketio.packet;

/**
 * The one error of the packet codec: what the peer sent is not a valid Socket.IO packet. The layer
 * above closes the offending connection and nothing else.
 */
public final class InvalidPacketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private InvalidPacketException(String reason) {
        super(reason, null, false, false);
    }

    static InvalidPacketException of(String reason) {
        return new InvalidPacketException(reason);
    }
}
