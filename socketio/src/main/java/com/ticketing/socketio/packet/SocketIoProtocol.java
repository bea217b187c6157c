package com.ticketing.socketio.packet;

import java.util.Set;

/**
 * The Socket.IO protocol v5 constants in one place: the packet-type table, the reserved event
 * names and the binary placeholder keys.
 *
 * <p>Wire format of one packet (a text Engine.IO message, followed by its binary attachments as
 * separate binary messages):
 * <pre>
 * &lt;type&gt;[&lt;attachments&gt;-][&lt;namespace&gt;,][&lt;ack id&gt;][&lt;JSON payload&gt;]
 * </pre>
 *
 * @see <a href="https://socket.io/docs/v4/socket-io-protocol/">Socket.IO protocol v5</a>
 * @see <a href="https://github.com/socketio/socket.io-protocol">socket.io-protocol repository</a>
 */
public final class SocketIoProtocol {

    /** The protocol revision spoken by this codec. */
    public static final int VERSION = 5;

    /** The main namespace; it is omitted from the wire. */
    public static final String MAIN_NAMESPACE = "/";

    /** Event names a client may not send: they mean something to the client or server libraries. */
    public static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    /** Key marking a JSON object that stands for a binary attachment. */
    public static final String PLACEHOLDER_KEY = "_placeholder";

    /** Key of the attachment index inside a placeholder object. */
    public static final String PLACEHOLDER_NUM_KEY = "num";

    /** Largest ack id accepted: the largest integer a JavaScript number holds exactly. */
    public static final long MAX_ACK_ID = (1L << 53) - 1;

    private SocketIoProtocol() {
    }

    /** The packet-type table: the single digit that starts every packet. */
    public enum PacketType {
        CONNECT(0),
        DISCONNECT(1),
        EVENT(2),
        ACK(3),
        CONNECT_ERROR(4),
        BINARY_EVENT(5),
        BINARY_ACK(6);

        private static final PacketType[] BY_CODE = values();

        private final int code;

        PacketType(int code) {
            this.code = code;
        }

        /** The wire digit. */
        public int code() {
            return code;
        }

        /** Whether packets of this type announce a count of binary attachments. */
        public boolean isBinary() {
            return this == BINARY_EVENT || this == BINARY_ACK;
        }

        /** The type for a wire character, or null if it is not a packet type. */
        public static PacketType fromWire(char c) {
            int code = c - '0';
            return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
        }
    }
}
