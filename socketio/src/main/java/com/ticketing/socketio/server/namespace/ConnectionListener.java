package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.server.socket.Socket;

/** Told about every socket that joined a namespace, after the CONNECT reply went out. */
@FunctionalInterface
public interface ConnectionListener {

    /** Register the socket's event handlers and rooms here; must not block. */
    void onConnection(Socket socket);
}
