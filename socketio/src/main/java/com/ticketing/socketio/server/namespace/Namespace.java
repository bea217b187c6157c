package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.packet.EncodedPacket;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.packet.PacketEncoder;
import com.ticketing.socketio.server.SocketIoOptions;
import com.ticketing.socketio.server.adapter.Adapter;
import com.ticketing.socketio.server.adapter.AdapterContext;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.server.recovery.RecoveryOptions;
import com.ticketing.socketio.server.room.BroadcastOperator;
import com.ticketing.socketio.server.socket.SharedHandlers;
import com.ticketing.socketio.server.socket.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;

/**
 * One Socket.IO namespace: its connect middlewares, its connection listeners, its sockets on this
 * node and its rooms (through its {@link Adapter}). Broadcasts start here.
 */
public final class Namespace implements AdapterContext {

    private final String name;
    private final SocketIoOptions options;
    private final ScheduledExecutorService timer;
    private final PacketEncoder encoder;
    private final EmitArguments arguments;
    private final Adapter adapter;
    private final List<ConnectMiddleware> middlewares = new CopyOnWriteArrayList<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final SharedHandlers sharedHandlers = new SharedHandlers();

    /** Created by the server when a namespace is registered. */
    public Namespace(String name, SocketIoOptions options, ScheduledExecutorService timer) {
        this.name = name;
        this.options = options;
        this.timer = timer;
        this.encoder = new PacketEncoder(options.mapper());
        this.arguments = new EmitArguments(options.mapper());
        this.adapter = options.adapterFactory().apply(this);
    }

    @Override
    public String namespace() {
        return name;
    }

    /** The namespace name, e.g. {@code "/"}. */
    public String name() {
        return name;
    }

    /** Adds a connect middleware; they run in the order added. */
    public Namespace use(ConnectMiddleware middleware) {
        middlewares.add(middleware);
        return this;
    }

    /** Adds a listener told about every new socket. */
    public Namespace onConnection(ConnectionListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Handles an event of every socket of this namespace, once for all (a socket's own handler wins). */
    public Namespace on(String event, SharedHandlers.Event handler) {
        sharedHandlers.on(event, handler);
        return this;
    }

    /** Handles the events of every socket that no other handler takes. */
    public Namespace onAny(SharedHandlers.AnyEvent handler) {
        sharedHandlers.onAny(handler);
        return this;
    }

    /** Adds a listener told once when any socket of this namespace leaves. */
    public Namespace onDisconnect(SharedHandlers.Disconnect listener) {
        sharedHandlers.onDisconnect(listener);
        return this;
    }

    /** The handlers registered on the namespace for all its sockets. */
    public SharedHandlers sharedHandlers() {
        return sharedHandlers;
    }

    /** A broadcast to the sockets in any of these rooms. */
    public BroadcastOperator to(String... rooms) {
        return new BroadcastOperator(this).to(rooms);
    }

    /** Same as {@link #to}. */
    public BroadcastOperator in(String... rooms) {
        return to(rooms);
    }

    /** A broadcast to every socket except those in these rooms. */
    public BroadcastOperator except(String... rooms) {
        return new BroadcastOperator(this).except(rooms);
    }

    /** Emits to every socket of the namespace. */
    public void emit(String event, Object... args) {
        new BroadcastOperator(this).emit(event, args);
    }

    /** A connected socket of this node by id. */
    public Optional<Socket> findSocket(String id) {
        return Optional.ofNullable(sockets.get(id));
    }

    @Override
    public Socket socket(String id) {
        return sockets.get(id);
    }

    @Override
    public Collection<Socket> sockets() {
        return sockets.values();
    }

    /** The rooms of this namespace. */
    public Adapter adapter() {
        return adapter;
    }

    /** The layer's settings. */
    public SocketIoOptions options() {
        return options;
    }

    /** The shared timer of the layer (ack and connect timeouts). */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Maps emitted values to JSON arguments. */
    public EmitArguments arguments() {
        return arguments;
    }

    @Override
    public List<EngineMessage> encode(Packet packet) {
        EncodedPacket encoded = encoder.encode(packet);
        List<EngineMessage> messages = new ArrayList<>(1 + encoded.attachments().size());
        messages.add(EngineMessage.text(encoded.text()));
        encoded.attachments().forEach(bytes -> messages.add(EngineMessage.binary(bytes)));
        return messages;
    }

    /** Emits an event to a target; with recovery on, it gets an offset and is kept for replay. */
    public void broadcast(String event, List<JsonNode> args, BroadcastTarget target) {
        adapter.broadcast(recoverable(new Packet.Event(name, event, args, Packet.NO_ACK), target), target);
    }

    /** The event as it must go out: with its recovery offset when recovery is on. */
    public Packet.Event recoverable(Packet.Event event, BroadcastTarget target) {
        RecoveryOptions recovery = options.recovery();
        return recovery.enabled() && !event.wantsAck() ? recovery.hook().record(event, target) : event;
    }

    /**
     * Runs the admission of a CONNECT: the middlewares (unless recovery skips them for a session it
     * finds), and when the client presents {@code {pid, offset}} the session it may resume.
     */
    public CompletionStage<Admission> admit(HandshakeData handshake, JsonNode auth) {
        RecoveryOptions recovery = options.recovery();
        JsonNode pid = auth.get("pid");
        JsonNode offset = auth.get("offset");
        if (!recovery.enabled() || pid == null || !pid.isString() || offset == null || !offset.isString()) {
            return admitFresh(handshake, auth);
        }
        String resumedPid = pid.stringValue();
        String resumedOffset = offset.stringValue();
        if (recovery.skipMiddlewares()) {
            return recovery.hook().find(name, resumedPid, resumedOffset, Map.of()).thenCompose(session -> session
                    .map(found -> CompletableFuture.completedFuture(
                            new Admission(ConnectDecision.accept(), found, resumedOffset)))
                    .orElseGet(() -> admitFresh(handshake, auth).toCompletableFuture()));
        }
        return runMiddlewares(handshake, auth).thenCompose(decision -> !decision.isAccepted()
                ? CompletableFuture.completedFuture(Admission.fresh(decision))
                : recovery.hook().find(name, resumedPid, resumedOffset, decision.attributes())
                        .thenApply(session -> new Admission(decision, session.orElse(null), resumedOffset)));
    }

    /** The admission of a CONNECT that resumes nothing: the middlewares alone. */
    public CompletionStage<Admission> admitFresh(HandshakeData handshake, JsonNode auth) {
        return runMiddlewares(handshake, auth).thenApply(Admission::fresh);
    }

    private CompletionStage<ConnectDecision> runMiddlewares(HandshakeData handshake, JsonNode auth) {
        CompletionStage<ConnectDecision> decision = CompletableFuture.completedFuture(ConnectDecision.accept());
        for (ConnectMiddleware middleware : middlewares) {
            decision = decision.thenCompose(previous -> previous.isAccepted()
                    ? merge(previous, middleware.check(handshake, auth)) : CompletableFuture.completedFuture(previous));
        }
        return decision;
    }

    private static CompletionStage<ConnectDecision> merge(ConnectDecision previous,
                                                          CompletionStage<ConnectDecision> next) {
        return next.thenApply(decision -> decision.after(previous));
    }

    /** Registers a socket that was admitted. Called by the layer only. */
    public void add(Socket socket) {
        sockets.put(socket.id(), socket);
    }

    /** Forgets a socket that left. Called by the layer only. */
    public void remove(Socket socket) {
        sockets.remove(socket.id(), socket);
    }

    /** Tells the connection listeners about a new socket; returns the first failure, if any. */
    public RuntimeException fireConnection(Socket socket) {
        RuntimeException failure = null;
        for (ConnectionListener listener : listeners) {
            try {
                listener.onConnection(socket);
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        return failure;
    }

    @Override
    public String toString() {
        return "Namespace[" + name + ", " + sockets.size() + " sockets]";
    }
}
