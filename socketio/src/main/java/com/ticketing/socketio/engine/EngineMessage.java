package com.ticketing.socketio.engine;

import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One Engine.IO packet the server sends, usually a message (type {@code 4}), text or binary, whose
 * wire encodings are computed once and shared by every session it is sent to. This is what makes a
 * broadcast encode once: the complete WebSocket frame is built on first use and every recipient's
 * connection writes the same bytes.
 */
public final class EngineMessage {

    private static final EngineMessage PING = new EngineMessage(PacketType.PING, "", null);

    private final PacketType type;
    private final String text;
    private final byte[] binary;
    private volatile ByteBuffer webSocketFrame;
    private volatile String base64;

    private EngineMessage(PacketType type, String text, byte[] binary) {
        this.type = type;
        this.text = text;
        this.binary = binary;
    }

    /** A text message; {@code text} is the payload without the packet type. */
    public static EngineMessage text(String text) {
        return new EngineMessage(PacketType.MESSAGE, Objects.requireNonNull(text, "text"), null);
    }

    /** A binary message. The array is not copied and must not be changed afterwards. */
    public static EngineMessage binary(byte[] data) {
        return new EngineMessage(PacketType.MESSAGE, null, Objects.requireNonNull(data, "data"));
    }

    /** A packet of another type with text data (open, ping, the probe's pong). */
    public static EngineMessage control(PacketType type, String data) {
        return type == PacketType.PING && data.isEmpty() ? PING : new EngineMessage(type, data, null);
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** The text payload (without the {@code 4} type prefix); null for a binary message. */
    public String text() {
        return type == PacketType.MESSAGE ? text : null;
    }

    /** The binary payload; null for a text message. Must not be modified. */
    public byte[] binary() {
        return binary;
    }

    /**
     * The whole WebSocket frame of this packet (RFC 6455 header included, unmasked as a server
     * sends it), built on first use and shared by every session: read it through a duplicate.
     */
    public ByteBuffer webSocketFrame() {
        ByteBuffer frame = webSocketFrame;
        if (frame == null) {
            frame = binary != null ? WebSocketFrames.binary(binary)
                    : WebSocketFrames.text((type.code() + text).getBytes(StandardCharsets.UTF_8));
            webSocketFrame = frame;
        }
        return frame;
    }

    /** The packet as one record of a polling payload: {@code 4text}, or {@code b<base64>} for binary. */
    public String pollingRecord() {
        if (binary == null) {
            return type.code() + text;
        }
        String encoded = base64;
        if (encoded == null) {
            encoded = "b" + Base64.getEncoder().encodeToString(binary);
            base64 = encoded;
        }
        return encoded;
    }

    /** An approximate size in bytes, used for outbound accounting. */
    public int sizeEstimate() {
        return binary != null ? binary.length : text.length() + 1;
    }

    /** The {@link #sizeEstimate} of a whole packet: its messages together. */
    public static long sizeOf(java.util.List<EngineMessage> packet) {
        long size = 0;
        for (int i = 0; i < packet.size(); i++) {
            size += packet.get(i).sizeEstimate();
        }
        return size;
    }

    @Override
    public String toString() {
        return binary != null ? "EngineMessage[binary " + binary.length + " bytes]"
                : "EngineMessage[" + type.code() + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineMessage other && type == other.type && Objects.equals(text, other.text)
                && Arrays.equals(binary, other.binary);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + Objects.hashCode(text)) + Arrays.hashCode(binary);
    }
}
