package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.ack.Ack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The handlers a namespace registers once for all its sockets, each taking the socket as an
 * argument: one table per namespace instead of a map of capturing lambdas per socket. A socket's
 * own handler for an event wins over these. Registered at start-up, read without locks.
 */
public final class SharedHandlers {

    /** Handles one named event of any socket of the namespace. */
    @FunctionalInterface
    public interface Event {
        void handle(Socket socket, List<JsonNode> args, Ack ack);
    }

    /** Handles the events of any socket that nothing else handles. */
    @FunctionalInterface
    public interface AnyEvent {
        void handle(Socket socket, String event, List<JsonNode> args, Ack ack);
    }

    /** Told once when any socket of the namespace leaves, with the reason. */
    @FunctionalInterface
    public interface Disconnect {
        void onDisconnect(Socket socket, DisconnectReason reason);
    }

    private volatile Map<String, Event> byEvent = Map.of();
    private volatile AnyEvent any;
    private volatile List<Disconnect> disconnectListeners = List.of();

    public synchronized void on(String event, Event handler) {
        Map<String, Event> next = new HashMap<>(byEvent);
        next.put(event, handler);
        byEvent = Map.copyOf(next);
    }

    public void onAny(AnyEvent handler) {
        any = handler;
    }

    public synchronized void onDisconnect(Disconnect listener) {
        List<Disconnect> next = new ArrayList<>(disconnectListeners);
        next.add(listener);
        disconnectListeners = List.copyOf(next);
    }

    /** Runs this table's handler of the event, if any; false when it has none. */
    boolean dispatch(Socket socket, Packet.Event event, Ack ack) {
        Event handler = byEvent.get(event.name());
        if (handler != null) {
            handler.handle(socket, event.args(), ack);
            return true;
        }
        return false;
    }

    /** Runs the catch-all, if any; false when there is none. */
    boolean dispatchAny(Socket socket, Packet.Event event, Ack ack) {
        AnyEvent handler = any;
        if (handler != null) {
            handler.handle(socket, event.name(), event.args(), ack);
            return true;
        }
        return false;
    }

    void disconnected(Socket socket, DisconnectReason reason, Consumer<RuntimeException> onFailure) {
        for (Disconnect listener : disconnectListeners) {
            try {
                listener.onDisconnect(socket, reason);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }
}
