package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.server.ack.Ack;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Handles the events no {@link EventHandler} is registered for. */
@FunctionalInterface
public interface AnyEventHandler {

    /** Called with the event name, its arguments and its acknowledgement (never null). */
    void handle(String event, List<JsonNode> args, Ack ack);
}
