package com.ticketing.socketio.conformance;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.server.SocketIoServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Handlers the e2e tests add on {@code /} next to the conformance ones: the server asking the
 * client with an ack, dropping the connection, and emitting while a client is away.
 */
@TestConfiguration(proxyBeanMethods = false)
class E2eHandlers {

    @Bean
    Object e2eHandlerRegistration(SocketIoServer io) {
        io.namespace("/").onConnection(socket -> {
            // the server asks the client and reports the client's answer back as "answer"
            socket.on("ask", (args, ack) -> socket.emitWithAck("question", Duration.ofSeconds(5), args.toArray())
                    .thenAccept(reply -> socket.emit("answer", reply.toArray())));
            // drops the transport without a DISCONNECT packet: the client reconnects
            socket.on("drop-me", (args, ack) -> socket.connection().close(DisconnectReason.FORCED_CLOSE));
            // after delayMs, emits "missed" count times to this socket's own room
            socket.on("schedule-missed", (args, ack) -> {
                long delayMs = args.get(0).asLong();
                int count = args.get(1).asInt();
                String room = socket.id();
                CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < count; i++) {
                        socket.namespace().to(room).emit("missed", i);
                    }
                }, CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS));
                ack.send("scheduled");
            });
        });
        return "e2e handlers";
    }
}
