package com.ticketing.socketio.packet;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One Socket.IO packet, decoded. Binary attachments live inside the JSON arguments as
 * {@link tools.jackson.databind.node.BinaryNode}s; whether a packet is a BINARY_EVENT / BINARY_ACK
 * on the wire follows from their presence.
 */
public sealed interface Packet {

    /** Ack id of a packet that asks for no acknowledgement. */
    long NO_ACK = -1;

    /** The namespace the packet belongs to ({@code "/"} for the main one). */
    String namespace();

    /**
     * CONNECT: from the client, {@code data} is the auth payload (an object, or null); from the
     * server, it is {@code {"sid": ..., "pid"?: ...}}.
     */
    record Connect(String namespace, JsonNode data) implements Packet {
        public Connect {
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** DISCONNECT: leaves one namespace. */
    record Disconnect(String namespace) implements Packet {
        public Disconnect {
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /** EVENT or BINARY_EVENT: a named event with arguments, optionally asking for an ack. */
    record Event(String namespace, String name, List<JsonNode> args, long ackId) implements Packet {
        public Event {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }

        /** Whether the sender waits for an acknowledgement. */
        public boolean wantsAck() {
            return ackId != NO_ACK;
        }
    }

    /** ACK or BINARY_ACK: the answer to the event that carried {@code ackId}. */
    record Ack(String namespace, long ackId, List<JsonNode> args) implements Packet {
        public Ack {
            Objects.requireNonNull(namespace, "namespace");
            args = List.copyOf(args);
        }
    }

    /** CONNECT_ERROR: the server refused a CONNECT; {@code data} is {@code {"message", "data"?}}. */
    record ConnectError(String namespace, JsonNode data) implements Packet {
        public ConnectError {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(data, "data");
        }
    }
}
