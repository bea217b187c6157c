package com.ticketing.socketio.engine.packet;

import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import com.ticketing.socketio.engine.packet.EnginePacket.Open;
import com.ticketing.socketio.engine.packet.EnginePacket.Ping;
import com.ticketing.socketio.engine.packet.EnginePacket.Pong;
import com.ticketing.socketio.engine.packet.PacketDecodeException.Problem;
import java.util.Base64;

/**
 * Encodes and decodes one Engine.IO packet in its text form: the type digit followed by the data,
 * or {@code b} followed by base64 for a binary message (the polling form of binary data).
 */
public final class PacketCodec {

    private PacketCodec() {
    }

    /** The text form of a packet; a binary message becomes {@code b<base64>}. */
    public static String encode(EnginePacket packet) {
        StringBuilder out = new StringBuilder();
        appendTo(out, packet);
        return out.toString();
    }

    /** Appends the text form of a packet to {@code out}. */
    public static void appendTo(StringBuilder out, EnginePacket packet) {
        if (packet instanceof BinaryMessage binary) {
            out.append(EngineIoProtocol.BINARY_PREFIX).append(Base64.getEncoder().encodeToString(binary.data()));
            return;
        }
        out.append(packet.type().code());
        if (packet instanceof Message message) {
            out.append(message.text());
        } else if (packet instanceof Open open) {
            out.append(open.json());
        } else if (packet instanceof Ping ping) {
            out.append(ping.data());
        } else if (packet instanceof Pong pong) {
            out.append(pong.data());
        }
    }

    /** Decodes the text form of one packet (a WebSocket text frame, or one record of a payload). */
    public static EnginePacket decode(CharSequence text) {
        if (text.isEmpty()) {
            throw new PacketDecodeException(Problem.EMPTY_PACKET, null);
        }
        char first = text.charAt(0);
        if (first == EngineIoProtocol.BINARY_PREFIX) {
            return new BinaryMessage(decodeBase64(text.subSequence(1, text.length()).toString()));
        }
        PacketType type = PacketType.fromCode(first);
        if (type == null) {
            throw new PacketDecodeException(Problem.UNKNOWN_TYPE, "'" + first + "'");
        }
        String data = text.subSequence(1, text.length()).toString();
        return switch (type) {
            case OPEN -> new Open(data);
            case CLOSE -> EnginePacket.CLOSE;
            case PING -> data.isEmpty() ? EnginePacket.PING : new Ping(data);
            case PONG -> data.isEmpty() ? EnginePacket.PONG : new Pong(data);
            case MESSAGE -> new Message(data);
            case UPGRADE -> EnginePacket.UPGRADE;
            case NOOP -> EnginePacket.NOOP;
        };
    }

    /** A binary WebSocket frame is a binary message as is: v4 adds no type prefix. */
    public static EnginePacket decodeBinaryFrame(byte[] frame) {
        return new BinaryMessage(frame);
    }

    private static byte[] decodeBase64(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new PacketDecodeException(Problem.INVALID_BASE64, e.getMessage());
        }
    }
}
