package com.ticketing.socketio.engine.packet;

/**
 * The constants of Engine.IO protocol revision 4: the packet-type table, the payload separator
 * and the fixed strings of the upgrade handshake.
 *
 * @see <a href="https://github.com/socketio/engine.io-protocol">Engine.IO protocol v4</a>
 */
public final class EngineIoProtocol {

    /** The specification this package implements. */
    public static final String SPEC = "https://github.com/socketio/engine.io-protocol";

    /** The protocol revision, sent by clients as the {@code EIO} query parameter. */
    public static final int VERSION = 4;

    /** Separates packets inside an HTTP long-polling payload. */
    public static final char RECORD_SEPARATOR = '\u001e';

    /** Prefix of a base64-encoded binary packet in a polling payload. */
    public static final char BINARY_PREFIX = 'b';

    /** The data of the ping/pong exchanged on a WebSocket that probes an upgrade. */
    public static final String PROBE = "probe";

    /** The transport names used in the {@code transport} query parameter. */
    public static final String POLLING = "polling";
    public static final String WEBSOCKET = "websocket";

    private EngineIoProtocol() {
    }

    /** The Engine.IO packet types and the digit each is encoded as. */
    public enum PacketType {
        OPEN('0'),
        CLOSE('1'),
        PING('2'),
        PONG('3'),
        MESSAGE('4'),
        UPGRADE('5'),
        NOOP('6');

        private static final PacketType[] BY_DIGIT = values();

        private final char code;

        PacketType(char code) {
            this.code = code;
        }

        /** The character this type is encoded as. */
        public char code() {
            return code;
        }

        /** The type encoded as {@code code}, or null if no type uses that character. */
        public static PacketType fromCode(char code) {
            int index = code - '0';
            return index >= 0 && index < BY_DIGIT.length ? BY_DIGIT[index] : null;
        }
    }
}
