package com.ticketing.socketio.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One Engine.IO message packet (type {@code 4}), text or binary, whose wire encodings are computed
 * once and shared by every session it is sent to. This is what makes a broadcast encode once.
 */
public final class EngineMessage {

    private final String text;
    private final byte[] binary;
    private volatile byte[] webSocketTextFrame;
    private volatile String base64;

    private EngineMessage(String text, byte[] binary) {
        this.text = text;
        this.binary = binary;
    }

    /** A text message; {@code text} is the payload without the packet type. */
    public static EngineMessage text(String text) {
        return new EngineMessage(text, null);
    }

    /** A binary message. The array is not copied and must not be changed afterwards. */
    public static EngineMessage binary(byte[] data) {
        return new EngineMessage(null, data);
    }

    public boolean isBinary() {
        return binary != null;
    }

    /** The text payload (without the {@code 4} type prefix); null for a binary message. */
    public String text() {
        return text;
    }

    /** The binary payload; null for a text message. Must not be modified. */
    public byte[] binary() {
        return binary;
    }

    /**
     * The UTF-8 bytes of the WebSocket text frame ({@code "4" + text}), computed on first use and
     * shared by every session the message goes to.
     */
    public byte[] webSocketTextFrame() {
        byte[] frame = webSocketTextFrame;
        if (frame == null) {
            frame = ("4" + text).getBytes(StandardCharsets.UTF_8);
            webSocketTextFrame = frame;
        }
        return frame;
    }

    /**
     * The base64 form of a binary message, as polling payloads carry it after the {@code b} prefix;
     * computed on first use and shared by every session the message goes to. Null for a text message.
     */
    public String base64() {
        if (binary == null) {
            return null;
        }
        String encoded = base64;
        if (encoded == null) {
            encoded = java.util.Base64.getEncoder().encodeToString(binary);
            base64 = encoded;
        }
        return encoded;
    }

    /** An approximate size in bytes, used for outbound queue accounting. */
    public int sizeEstimate() {
        return binary != null ? binary.length : text.length() + 1;
    }

    @Override
    public String toString() {
        return binary != null ? "EngineMessage[binary " + binary.length + " bytes]"
                : "EngineMessage[" + (text.length() > 64 ? text.substring(0, 64) + "…" : text) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngineMessage other && java.util.Objects.equals(text, other.text)
                && Arrays.equals(binary, other.binary);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(text) + Arrays.hashCode(binary);
    }
}
