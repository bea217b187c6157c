package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.server.ack.Ack;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Handles one named event from a client. Binary arguments arrive as binary nodes
 * ({@code arg.isBinary()}, {@code arg.binaryValue()}). Runs on a transport thread, never
 * concurrently with another handler of the same connection: it must not block.
 */
@FunctionalInterface
public interface EventHandler {

    /** Called with the event's arguments and its acknowledgement (never null). */
    void handle(List<JsonNode> args, Ack ack);
}
