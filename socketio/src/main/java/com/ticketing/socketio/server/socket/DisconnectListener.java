package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.DisconnectReason;

/** Told once when a socket leaves its namespace, with the reason. */
@FunctionalInterface
public interface DisconnectListener {

    /** The socket is gone; its rooms are already left. */
    void onDisconnect(DisconnectReason reason);
}
