package com.ticketing.socketio.engine;

import java.nio.ByteBuffer;

/**
 * Encodes whole WebSocket data frames as a server sends them (RFC 6455 section 5.2: FIN set, no
 * mask, no extension), so that one encoding can be written to many connections as it is.
 */
final class WebSocketFrames {

    private static final byte FIN = (byte) 0x80;
    private static final byte TEXT = 0x1;
    private static final byte BINARY = 0x2;

    private WebSocketFrames() {
    }

    /** A text frame around these UTF-8 bytes. */
    static ByteBuffer text(byte[] utf8) {
        return frame(TEXT, utf8);
    }

    /** A binary frame around these bytes. */
    static ByteBuffer binary(byte[] data) {
        return frame(BINARY, data);
    }

    /**
     * A direct buffer: the network write reads it without a copy, and the memory goes back to the
     * system when the last message holding it is collected. Never written after this.
     */
    private static ByteBuffer frame(byte opcode, byte[] payload) {
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocateDirect(header + length);
        frame.put((byte) (FIN | opcode));
        if (length < 126) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
