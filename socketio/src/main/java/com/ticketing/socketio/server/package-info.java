/**
 * The Socket.IO v5 layer above Engine.IO: namespaces, sockets, rooms, acknowledgements and
 * connection state recovery.
 *
 * <p>A gateway mounts it as the handler of an Engine.IO server and routes that server with WebFlux:
 * <pre>{@code
 * SocketIoServer io = new SocketIoServer(SocketIoOptions.defaults());
 * Namespace root = io.namespace("/");
 * root.use((handshake, auth) -> jwt.check(auth)            // CompletionStage<ConnectDecision>
 *         .thenApply(user -> ConnectDecision.accept().with(USER, user))
 *         .exceptionally(e -> ConnectDecision.refuse("Invalid token")));
 * root.onConnection(socket -> {
 *     socket.join("user:" + socket.get(USER).id());
 *     socket.on("subscribe:listing", (args, ack) -> {
 *         socket.join("listing:" + args.get(0).asString());
 *         ack.send(Map.of("ok", true));                      // no-op when no ack was asked
 *     });
 *     socket.onDisconnect(reason -> presence.left(socket.id(), reason));
 * });
 * root.to("listing:1").except("user:bob").emit("listing:updated", payload);
 *
 * EngineIoServer engine = new EngineIoServer(engineOptions, io);
 * RouterFunction<ServerResponse> routes = EngineIoWebFlux.router(engine, "/socket.io/");
 * }</pre>
 *
 * <p>Every failure goes through {@link com.ticketing.socketio.server.FailurePolicy}: a malformed
 * packet closes that connection only, a refused or failed CONNECT is answered with CONNECT_ERROR.
 */
package com.ticketing.socketio.server;
