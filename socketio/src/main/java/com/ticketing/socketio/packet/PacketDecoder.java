package com.ticketing.socketio.packet;

import com.ticketing.socketio.packet.SocketIoProtocol.PacketType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes the packets of one connection. A state machine with two states: <em>idle</em>, where a
 * text message is a new packet, and <em>awaiting attachments</em>, entered by a BINARY_EVENT or
 * BINARY_ACK header and left when its last binary message arrived. Not thread-safe: one per
 * connection, fed in wire order.
 *
 * <p>While attachments are awaited, the header is kept as the text it arrived in (its JSON syntax
 * checked by streaming, without building a tree) and parsed once the packet is complete: a header
 * of a million nested empty objects costs its own bytes, not tens of megabytes of nodes. The header
 * and the attachments received so far may hold at most {@code maxPendingBytes}.
 *
 * <p>Anything that is not a valid packet (unknown type, bad JSON, bad ack id, a payload of the wrong
 * shape, a reserved or non-string event name, an attachment count that does not match, a message
 * of the wrong kind for the current state) throws {@link InvalidPacketException}.
 */
public final class PacketDecoder {

    private static final int MAX_ACK_ID_DIGITS = 16;

    private final ObjectMapper mapper;
    private final int maxAttachments;
    private final long maxPendingBytes;
    private Partial partial;

    /**
     * @param mapper          parses the JSON payloads (should fail on trailing tokens)
     * @param maxAttachments  the most binary attachments one packet may announce
     * @param maxPendingBytes the most a packet may hold (header text and attachments) before it is complete
     */
    public PacketDecoder(ObjectMapper mapper, int maxAttachments, long maxPendingBytes) {
        this.mapper = mapper;
        this.maxAttachments = maxAttachments;
        this.maxPendingBytes = maxPendingBytes;
    }

    /** Whether the decoder waits for binary attachments of a packet already announced. */
    public boolean isAwaitingAttachments() {
        return partial != null;
    }

    /** How many attachments are still awaited (0 when idle). */
    public int pendingAttachments() {
        return partial == null ? 0 : partial.expected - partial.received.size();
    }

    /**
     * Feeds a text message. Returns the packet, or empty when the packet announced binary
     * attachments that must arrive first.
     */
    public Optional<Packet> decodeText(String text) {
        if (partial != null) {
            partial = null;
            throw InvalidPacketException.of("text message while awaiting binary attachments");
        }
        Cursor cursor = new Cursor(text);
        PacketType type = readType(cursor);
        int attachments = type.isBinary() ? readAttachmentCount(cursor) : 0;
        String namespace = readNamespace(cursor);
        long ackId = readAckId(cursor, type);
        if (attachments > 0) {
            String header = cursor.atEnd() ? "" : cursor.text.substring(cursor.position);
            if (header.length() > maxPendingBytes) {
                throw InvalidPacketException.of("binary packet header above " + maxPendingBytes + " bytes");
            }
            requireContainerSyntax(header);
            partial = new Partial(type, namespace, ackId, header, attachments);
            return Optional.empty();
        }
        return Optional.of(toPacket(type, namespace, ackId, readPayload(cursor)));
    }

    /** Feeds a binary message. Returns the packet once its last attachment arrived. */
    public Optional<Packet> decodeBinary(byte[] data) {
        Partial current = partial;
        if (current == null) {
            throw InvalidPacketException.of("binary message without a packet announcing it");
        }
        current.received.add(data);
        current.bytes += data.length;
        if (current.bytes > maxPendingBytes) {
            partial = null;
            throw InvalidPacketException.of("binary packet above " + maxPendingBytes + " bytes");
        }
        if (current.received.size() < current.expected) {
            return Optional.empty();
        }
        partial = null;
        JsonNode payload = BinaryPlaceholders.reconstructAll(readTree(current.header), current.received);
        return Optional.of(toPacket(current.type, current.namespace, current.ackId, payload));
    }

    private static PacketType readType(Cursor cursor) {
        PacketType type = cursor.atEnd() ? null : PacketType.fromWire(cursor.next());
        if (type == null) {
            throw InvalidPacketException.of("unknown packet type");
        }
        return type;
    }

    private int readAttachmentCount(Cursor cursor) {
        int start = cursor.position;
        long count = 0;
        while (!cursor.atEnd() && isAsciiDigit(cursor.peek())) {
            count = count * 10 + (cursor.next() - '0');
            if (count > maxAttachments) {
                throw InvalidPacketException.of("more than " + maxAttachments + " attachments");
            }
        }
        if (cursor.position == start || cursor.atEnd() || cursor.next() != '-') {
            throw InvalidPacketException.of("illegal attachment count");
        }
        return (int) count;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String readNamespace(Cursor cursor) {
        if (cursor.atEnd() || cursor.peek() != '/') {
            return SocketIoProtocol.MAIN_NAMESPACE;
        }
        int comma = cursor.text.indexOf(',', cursor.position);
        int end = comma < 0 ? cursor.text.length() : comma;
        String namespace = cursor.text.substring(cursor.position, end);
        cursor.position = comma < 0 ? end : end + 1;
        return namespace;
    }

    private static long readAckId(Cursor cursor, PacketType type) {
        int start = cursor.position;
        while (!cursor.atEnd() && isAsciiDigit(cursor.peek())) {
            cursor.next();
        }
        int digits = cursor.position - start;
        boolean acknowledgeable = type == PacketType.EVENT || type == PacketType.BINARY_EVENT
                || type == PacketType.ACK || type == PacketType.BINARY_ACK;
        if (digits == 0) {
            if (type == PacketType.ACK || type == PacketType.BINARY_ACK) {
                throw InvalidPacketException.of("ack without an id");
            }
            return Packet.NO_ACK;
        }
        if (!acknowledgeable) {
            throw InvalidPacketException.of("ack id on a packet of type " + type);
        }
        long id = digits > MAX_ACK_ID_DIGITS ? Long.MAX_VALUE
                : Long.parseLong(cursor.text, start, cursor.position, 10);
        if (id > SocketIoProtocol.MAX_ACK_ID) {
            throw InvalidPacketException.of("ack id out of range");
        }
        return id;
    }

    private JsonNode readPayload(Cursor cursor) {
        return cursor.atEnd() ? null : readTree(cursor.text.substring(cursor.position));
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JacksonException e) {
            throw InvalidPacketException.of("payload is not JSON");
        }
    }

    /** Checks that {@code json} is one JSON array or object, by streaming through it: no tree is built. */
    private void requireContainerSyntax(String json) {
        try (JsonParser parser = mapper.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY && first != JsonToken.START_OBJECT) {
                throw InvalidPacketException.of("binary packet without a JSON array payload");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw InvalidPacketException.of("payload is not JSON");
            }
        } catch (JacksonException e) {
            throw InvalidPacketException.of("payload is not JSON");
        }
    }

    private static Packet toPacket(PacketType type, String namespace, long ackId, JsonNode payload) {
        switch (type) {
            case CONNECT:
                if (payload != null && !payload.isObject()) {
                    throw InvalidPacketException.of("CONNECT payload must be an object");
                }
                return new Packet.Connect(namespace, payload);
            case DISCONNECT:
                if (payload != null) {
                    throw InvalidPacketException.of("DISCONNECT carries no payload");
                }
                return new Packet.Disconnect(namespace);
            case CONNECT_ERROR:
                if (payload == null || !(payload.isObject() || payload.isString())) {
                    throw InvalidPacketException.of("CONNECT_ERROR payload must be an object or a string");
                }
                return new Packet.ConnectError(namespace, payload);
            case EVENT:
            case BINARY_EVENT:
                return toEvent(namespace, ackId, payload);
            default:
                if (payload == null || !payload.isArray()) {
                    throw InvalidPacketException.of("ACK payload must be an array");
                }
                return new Packet.Ack(namespace, ackId, elements(payload, 0));
        }
    }

    private static Packet.Event toEvent(String namespace, long ackId, JsonNode payload) {
        if (payload == null || !payload.isArray() || payload.isEmpty()) {
            throw InvalidPacketException.of("EVENT payload must be a non-empty array");
        }
        JsonNode name = payload.get(0);
        if (!name.isString()) {
            throw InvalidPacketException.of("event name must be a string");
        }
        if (SocketIoProtocol.RESERVED_EVENTS.contains(name.stringValue())) {
            throw InvalidPacketException.of("reserved event name " + name.stringValue());
        }
        return new Packet.Event(namespace, name.stringValue(), elements(payload, 1), ackId);
    }

    private static List<JsonNode> elements(JsonNode array, int from) {
        List<JsonNode> out = new ArrayList<>(Math.max(0, array.size() - from));
        for (int i = from; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }

    /** A read position in the text of one packet. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        char next() {
            return text.charAt(position++);
        }
    }

    /** The awaiting-attachments state: a header read and checked, its JSON text kept, binary parts arriving. */
    private static final class Partial {
        private final PacketType type;
        private final String namespace;
        private final long ackId;
        private final String header;
        private final int expected;
        private final List<byte[]> received;
        private long bytes;

        Partial(PacketType type, String namespace, long ackId, String header, int expected) {
            this.type = type;
            this.namespace = namespace;
            this.ackId = ackId;
            this.header = header;
            this.expected = expected;
            this.received = new ArrayList<>(Math.min(expected, 4));
            this.bytes = header.length();
        }
    }
}
