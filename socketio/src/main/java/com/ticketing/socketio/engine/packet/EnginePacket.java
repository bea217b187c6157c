package com.ticketing.socketio.engine.packet;

import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;

/**
 * One decoded Engine.IO packet; each packet type is a record.
 */
public sealed interface EnginePacket {

    /** The packet's type. */
    PacketType type();

    /** The handshake packet: its data is the JSON handshake object. */
    record Open(String json) implements EnginePacket {
        public PacketType type() {
            return PacketType.OPEN;
        }
    }

    /** Asks the other side to close the session. */
    record Close() implements EnginePacket {
        public PacketType type() {
            return PacketType.CLOSE;
        }
    }

    /** A heartbeat (from the server in v4) or an upgrade probe ({@code data = "probe"}). */
    record Ping(String data) implements EnginePacket {
        public PacketType type() {
            return PacketType.PING;
        }
    }

    /** The answer to a ping, carrying the same data. */
    record Pong(String data) implements EnginePacket {
        public PacketType type() {
            return PacketType.PONG;
        }
    }

    /** A text message for the layer above. */
    record Message(String text) implements EnginePacket {
        public PacketType type() {
            return PacketType.MESSAGE;
        }
    }

    /** A binary message for the layer above; the array is not copied. */
    record BinaryMessage(byte[] data) implements EnginePacket {
        public PacketType type() {
            return PacketType.MESSAGE;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BinaryMessage other && java.util.Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "BinaryMessage[" + data.length + " bytes]";
        }
    }

    /** Completes an upgrade: the client switches to the probed transport. */
    record Upgrade() implements EnginePacket {
        public PacketType type() {
            return PacketType.UPGRADE;
        }
    }

    /** Does nothing; used to end a pending poll during an upgrade. */
    record Noop() implements EnginePacket {
        public PacketType type() {
            return PacketType.NOOP;
        }
    }

    Close CLOSE = new Close();
    Upgrade UPGRADE = new Upgrade();
    Noop NOOP = new Noop();
    Ping PING = new Ping("");
    Pong PONG = new Pong("");
}
