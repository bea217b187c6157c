package com.ticketing.socketio.packet;

import static com.ticketing.socketio.packet.SocketIoProtocol.PLACEHOLDER_KEY;
import static com.ticketing.socketio.packet.SocketIoProtocol.PLACEHOLDER_NUM_KEY;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Swaps binary values and {@code {"_placeholder":true,"num":N}} objects: out of a tree before
 * encoding (deconstruct), back into it after the attachments arrived (reconstruct).
 */
final class BinaryPlaceholders {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private BinaryPlaceholders() {
    }

    /** Whether the tree holds a binary value anywhere. */
    static boolean hasBinary(JsonNode node) {
        if (node.isBinary()) {
            return true;
        }
        if (node.isContainer()) {
            for (JsonNode child : node.values()) {
                if (hasBinary(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A copy of {@code node} where every binary value is replaced by a placeholder; the binary
     * values are appended to {@code attachments} in placeholder order. Subtrees without binary
     * values are shared, not copied.
     */
    static JsonNode deconstruct(JsonNode node, List<byte[]> attachments) {
        if (node.isBinary()) {
            ObjectNode placeholder = NODES.objectNode();
            placeholder.put(PLACEHOLDER_KEY, true);
            placeholder.put(PLACEHOLDER_NUM_KEY, attachments.size());
            attachments.add(node.binaryValue());
            return placeholder;
        }
        if (!node.isContainer() || !hasBinary(node)) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode(node.size());
            for (JsonNode child : node.values()) {
                copy.add(deconstruct(child, attachments));
            }
            return copy;
        }
        ObjectNode copy = NODES.objectNode();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            copy.set(property.getKey(), deconstruct(property.getValue(), attachments));
        }
        return copy;
    }

    /**
     * Replaces, in place, every placeholder under {@code node} by its attachment; every attachment
     * must be referenced by a placeholder.
     */
    static JsonNode reconstructAll(JsonNode node, List<byte[]> attachments) {
        BitSet used = new BitSet(attachments.size());
        JsonNode result = reconstruct(node, attachments, used);
        if (used.cardinality() != attachments.size()) {
            throw InvalidPacketException.of(attachments.size() + " attachments announced, "
                    + used.cardinality() + " referenced");
        }
        return result;
    }

    private static JsonNode reconstruct(JsonNode node, List<byte[]> attachments, BitSet used) {
        if (isPlaceholder(node)) {
            int index = attachmentIndex(node, attachments.size());
            used.set(index);
            return NODES.binaryNode(attachments.get(index));
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, reconstruct(array.get(i), attachments, used));
            }
        } else if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> property : object.properties()) {
                property.setValue(reconstruct(property.getValue(), attachments, used));
            }
        }
        return node;
    }

    private static boolean isPlaceholder(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        JsonNode flag = node.get(PLACEHOLDER_KEY);
        return flag != null && flag.isBoolean() && flag.booleanValue();
    }

    private static int attachmentIndex(JsonNode placeholder, int attachmentCount) {
        JsonNode num = placeholder.get(PLACEHOLDER_NUM_KEY);
        if (num == null || !num.isIntegralNumber() || !num.canConvertToInt()) {
            throw InvalidPacketException.of("placeholder without an integer num");
        }
        int index = num.intValue();
        if (index < 0 || index >= attachmentCount) {
            throw InvalidPacketException.of("placeholder num " + index + " outside of "
                    + attachmentCount + " attachments");
        }
        return index;
    }
}
