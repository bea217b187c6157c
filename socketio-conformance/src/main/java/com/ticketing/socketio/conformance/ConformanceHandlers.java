package com.ticketing.socketio.conformance;

import com.ticketing.socketio.server.SocketIoServer;
import com.ticketing.socketio.server.socket.Socket;

/**
 * The handlers of the reference test server: {@code auth} echoes the CONNECT payload on {@code /}
 * and {@code /custom}; on {@code /}, {@code message} comes back as {@code message-back} and
 * {@code message-with-ack} is acknowledged with its own arguments.
 */
public final class ConformanceHandlers {

    private ConformanceHandlers() {
    }

    /** Registers the namespaces and their handlers on {@code io}. */
    public static void register(SocketIoServer io) {
        io.namespace("/custom").onConnection(ConformanceHandlers::emitAuth);
        io.namespace("/").onConnection(socket -> {
            emitAuth(socket);
            socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
            socket.on("message-with-ack", (args, ack) -> ack.send(args.toArray()));
        });
    }

    private static void emitAuth(Socket socket) {
        socket.emit("auth", socket.auth());
    }
}
