package com.ticketing.socketio.packet;

import com.ticketing.socketio.packet.SocketIoProtocol.PacketType;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;

/** Turns a {@link Packet} into its wire form; stateless and thread-safe. */
public final class PacketEncoder {

    private final ObjectMapper mapper;

    public PacketEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Encodes a packet: the text part, plus one attachment per binary value in its arguments. */
    public EncodedPacket encode(Packet packet) {
        if (packet instanceof Packet.Event event) {
            return withArguments(PacketType.EVENT, PacketType.BINARY_EVENT, event.namespace(),
                    event.ackId(), eventArray(event));
        }
        if (packet instanceof Packet.Ack ack) {
            return withArguments(PacketType.ACK, PacketType.BINARY_ACK, ack.namespace(),
                    ack.ackId(), array(ack.args()));
        }
        if (packet instanceof Packet.Connect connect) {
            return text(PacketType.CONNECT, connect.namespace(), Packet.NO_ACK, connect.data());
        }
        if (packet instanceof Packet.ConnectError error) {
            return text(PacketType.CONNECT_ERROR, error.namespace(), Packet.NO_ACK, error.data());
        }
        return text(PacketType.DISCONNECT, packet.namespace(), Packet.NO_ACK, null);
    }

    private ArrayNode eventArray(Packet.Event event) {
        ArrayNode array = mapper.createArrayNode();
        array.add(event.name());
        event.args().forEach(array::add);
        return array;
    }

    private ArrayNode array(List<JsonNode> args) {
        ArrayNode array = mapper.createArrayNode();
        args.forEach(array::add);
        return array;
    }

    private EncodedPacket withArguments(PacketType plain, PacketType binary, String namespace,
                                        long ackId, ArrayNode payload) {
        if (!BinaryPlaceholders.hasBinary(payload)) {
            return text(plain, namespace, ackId, payload);
        }
        List<byte[]> attachments = new ArrayList<>();
        JsonNode withPlaceholders = BinaryPlaceholders.deconstruct(payload, attachments);
        String header = binary.code() + Integer.toString(attachments.size()) + "-";
        return new EncodedPacket(header + rest(namespace, ackId, withPlaceholders), attachments);
    }

    private EncodedPacket text(PacketType type, String namespace, long ackId, JsonNode data) {
        return new EncodedPacket(type.code() + rest(namespace, ackId, data), List.of());
    }

    private String rest(String namespace, long ackId, JsonNode data) {
        StringBuilder out = new StringBuilder();
        if (!SocketIoProtocol.MAIN_NAMESPACE.equals(namespace)) {
            out.append(namespace).append(',');
        }
        if (ackId != Packet.NO_ACK) {
            out.append(ackId);
        }
        if (data != null) {
            out.append(mapper.writeValueAsString(data));
        }
        return out.toString();
    }
}
