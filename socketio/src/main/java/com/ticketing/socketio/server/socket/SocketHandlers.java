package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.ack.Ack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The handlers registered on one socket, consulted before the namespace's {@link SharedHandlers}.
 * Registration is rare and may come from any thread, so the maps are copied on write and read
 * without locks; a socket that registers nothing of its own holds only empty constants.
 */
final class SocketHandlers {

    private volatile Map<String, EventHandler> byEvent = Map.of();
    private volatile AnyEventHandler any;
    private volatile List<DisconnectListener> disconnectListeners = List.of();

    synchronized void on(String event, EventHandler handler) {
        Map<String, EventHandler> next = new HashMap<>(byEvent);
        next.put(event, handler);
        byEvent = next;
    }

    void onAny(AnyEventHandler handler) {
        any = handler;
    }

    synchronized void onDisconnect(DisconnectListener listener) {
        List<DisconnectListener> next = new ArrayList<>(disconnectListeners);
        next.add(listener);
        disconnectListeners = List.copyOf(next);
    }

    /**
     * Runs the socket's handler of an event, else the namespace's, else the socket's catch-all, else
     * the namespace's; an event nobody handles is ignored.
     */
    void dispatch(Socket socket, SharedHandlers shared, Packet.Event event, Ack ack) {
        EventHandler handler = byEvent.get(event.name());
        if (handler != null) {
            handler.handle(event.args(), ack);
        } else if (!shared.dispatch(socket, event, ack)) {
            if (any != null) {
                any.handle(event.name(), event.args(), ack);
            } else {
                shared.dispatchAny(socket, event, ack);
            }
        }
    }

    /** Tells every disconnect listener; one that throws does not keep the others from hearing. */
    void disconnected(DisconnectReason reason, Consumer<RuntimeException> onFailure) {
        for (DisconnectListener listener : disconnectListeners) {
            try {
                listener.onDisconnect(reason);
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        }
    }
}
