package com.ticketing.socketio.server.namespace;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns what applications emit into JSON arguments: JSON nodes as they are, byte arrays and byte
 * buffers as binary attachments, anything else through the mapper.
 */
public final class EmitArguments {

    private final ObjectMapper mapper;

    public EmitArguments(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The JSON form of each argument. */
    public List<JsonNode> toJson(Object... args) {
        List<JsonNode> nodes = new ArrayList<>(args.length);
        for (Object arg : args) {
            nodes.add(toJson(arg));
        }
        return nodes;
    }

    private JsonNode toJson(Object arg) {
        if (arg == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (arg instanceof JsonNode node) {
            return node;
        }
        if (arg instanceof byte[] bytes) {
            return JsonNodeFactory.instance.binaryNode(bytes);
        }
        if (arg instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return JsonNodeFactory.instance.binaryNode(bytes);
        }
        return mapper.valueToTree(arg);
    }
}
