package com.ticketing.socketio.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineIoHandler;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.packet.PacketEncoder;
import com.ticketing.socketio.server.client.ClientConnection;
import com.ticketing.socketio.server.client.ClientContext;
import com.ticketing.socketio.server.client.PreConnectSessions;
import com.ticketing.socketio.server.namespace.EmitArguments;
import com.ticketing.socketio.server.namespace.Namespace;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The Socket.IO v5 server: plug it into an Engine.IO server as its {@link EngineIoHandler}, register
 * namespaces, and use them to accept sockets and broadcast. Only registered namespaces accept
 * connections; any other gets {@code connect_error} "Invalid namespace".
 */
public final class SocketIoServer implements EngineIoHandler, AutoCloseable {

    private final SocketIoOptions options;
    private final ScheduledExecutorService timer;
    private final Map<String, Namespace> namespaces = new ConcurrentHashMap<>();
    private final Map<String, ClientConnection> clients = new ConcurrentHashMap<>();
    private final ClientContext context;

    public SocketIoServer(SocketIoOptions options) {
        this.options = options;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "socketio-timer");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
        this.context = new ClientContext(namespaces::get, options, new PacketEncoder(options.mapper()),
                new EmitArguments(options.mapper()), timer, new PreConnectSessions(options.inbound()));
    }

    /**
     * Whether a new Engine.IO session from this handshake may open: its client address holds fewer
     * sessions without a completed CONNECT than the limit. Give it to the Engine.IO server as its
     * request filter ({@code new EngineIoServer(options, io, io::admits)}); refused handshakes get 403.
     */
    public boolean admits(HandshakeData handshake) {
        return context.preConnect().admits(handshake);
    }

    /** The namespace of this name, registered on first use. Names start with {@code /}. */
    public Namespace namespace(String name) {
        if (name == null || !name.startsWith("/")) {
            throw new IllegalArgumentException("a namespace name starts with '/': " + name);
        }
        return namespaces.computeIfAbsent(name, n -> new Namespace(n, options, timer));
    }

    /** A registered namespace. */
    public Optional<Namespace> findNamespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    public SocketIoOptions options() {
        return options;
    }

    /** How many Engine.IO sessions this server serves. */
    public int connectionCount() {
        return clients.size();
    }

    @Override
    public void onOpen(EngineSocket socket) {
        ClientConnection client = new ClientConnection(socket, context);
        clients.put(socket.id(), client);
        client.opened();
    }

    @Override
    public void onText(EngineSocket socket, String text) {
        ClientConnection client = clients.get(socket.id());
        if (client != null) {
            client.receiveText(text);
        }
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
        ClientConnection client = clients.get(socket.id());
        if (client != null) {
            client.receiveBinary(data);
        }
    }

    @Override
    public void onClose(EngineSocket socket, DisconnectReason reason) {
        ClientConnection client = clients.remove(socket.id());
        if (client != null) {
            client.engineClosed(reason);
        }
    }

    /** Closes every connection ("server shutting down") and stops the timer. */
    @Override
    public void close() {
        clients.values().forEach(client -> client.close(DisconnectReason.SERVER_SHUTTING_DOWN));
        timer.shutdownNow();
    }
}
