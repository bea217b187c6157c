package com.ticketing.socketio.server.client;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.packet.InvalidPacketException;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.packet.PacketDecoder;
import com.ticketing.socketio.packet.SocketIoProtocol.PacketType;
import com.ticketing.socketio.server.Failure;
import com.ticketing.socketio.server.FailurePolicy;
import com.ticketing.socketio.server.namespace.Admission;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.recovery.RecoveryHook;
import com.ticketing.socketio.server.socket.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Engine.IO session seen from the Socket.IO layer (the reference server's "client"): decodes
 * its packets, routes them to its namespace sockets, runs its connects and closes it. Everything
 * for one client runs on the session's own executor ({@link EngineSocket#executor()}), the thread
 * that owns its connection, so this state needs no lock.
 */
public final class ClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    // A part of a replay: far below any sensible outbound limit, large enough to fill the connection.
    private static final int REPLAY_PART_PACKETS = 64;
    private static final long REPLAY_PART_BYTES = 32 * 1024;

    private final EngineSocket engine;
    private final ClientContext context;
    private final PacketDecoder decoder;
    // Touched only on the session's executor.
    private final Map<String, Socket> sockets = new HashMap<>(2);
    private List<String> connecting;
    private ScheduledFuture<?> connectTimeout;
    private ScheduledFuture<?> attachmentsTimeout;
    /** Counted among its address's sessions without a CONNECT until the first one succeeds. */
    private String preConnectAddress;
    private boolean closing;

    public ClientConnection(EngineSocket engine, ClientContext context) {
        this.engine = engine;
        this.context = context;
        this.decoder = new PacketDecoder(context.options().mapper(), context.options().maxAttachments(),
                context.options().inbound().maxPendingPacketBytes());
    }

    /** The Engine.IO session underneath. */
    public EngineSocket engine() {
        return engine;
    }

    /** Starts the connect timeout (a client that joins no namespace in time is closed) and counts it as not connected. */
    public void opened() {
        preConnectAddress = context.preConnect().opened(engine.handshake());
        armConnectTimeout();
    }

    private void settlePreConnect() {
        if (preConnectAddress != null) {
            context.preConnect().settle(preConnectAddress);
            preConnectAddress = null;
        }
    }

    private void armConnectTimeout() {
        connectTimeout = context.timer().schedule(() -> execute(this::connectTimedOut),
                context.options().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a task for this client on its session's executor, after the ones already queued. */
    public void execute(Runnable task) {
        engine.executor().execute(task);
    }

    /** The session's executor, for work that must run with this client's other tasks. */
    public Executor executor() {
        return engine.executor();
    }

    /**
     * A text message from the client. Until a CONNECT succeeded, it may be no binary packet's header
     * and no larger than the pre-CONNECT limit: a client without a token gets nothing held for it.
     */
    public void receiveText(String text) {
        execute(() -> {
            if (closing) {
                return;
            }
            if (sockets.isEmpty() && (isBinaryHeader(text) || overPreConnectLimit(text))) {
                fail(Failure.OVER_PRE_CONNECT_LIMIT, null, null);
                return;
            }
            try {
                decoder.decodeText(text).ifPresentOrElse(this::route, this::awaitAttachments);
            } catch (InvalidPacketException e) {
                fail(Failure.MALFORMED_PACKET, null, e);
            }
        });
    }

    /** A binary message from the client: an attachment of the packet announced last. */
    public void receiveBinary(byte[] data) {
        execute(() -> {
            if (closing) {
                return;
            }
            if (sockets.isEmpty()) {
                fail(Failure.OVER_PRE_CONNECT_LIMIT, null, null);
                return;
            }
            try {
                decoder.decodeBinary(data).ifPresent(packet -> {
                    attachmentsArrived();
                    route(packet);
                });
            } catch (InvalidPacketException e) {
                fail(Failure.MALFORMED_PACKET, null, e);
            }
        });
    }

    private static boolean isBinaryHeader(String text) {
        PacketType type = text.isEmpty() ? null : PacketType.fromWire(text.charAt(0));
        return type != null && type.isBinary();
    }

    private boolean overPreConnectLimit(String text) {
        int limit = context.options().inbound().maxPreConnectMessageBytes();
        // a char takes at most 3 UTF-8 bytes: count them only when the length alone cannot decide
        return text.length() > limit || text.length() > limit / 3 && utf8Length(text) > limit;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** A packet announced attachments: they must all arrive within the attachment timeout. */
    private void awaitAttachments() {
        attachmentsTimeout = context.timer().schedule(() -> execute(() -> {
            if (decoder.isAwaitingAttachments() && !closing) {
                fail(Failure.ATTACHMENTS_TIMED_OUT, null, null);
            }
        }), context.options().inbound().attachmentTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void attachmentsArrived() {
        if (attachmentsTimeout != null) {
            attachmentsTimeout.cancel(false);
            attachmentsTimeout = null;
        }
    }

    /** The Engine.IO session ended: every namespace socket of this client leaves with its reason. */
    public void engineClosed(DisconnectReason reason) {
        execute(() -> {
            closing = true;
            settlePreConnect(); // connected or not, it no longer counts
            if (connectTimeout != null) {
                connectTimeout.cancel(false);
            }
            attachmentsArrived();
            for (Socket socket : new ArrayList<>(sockets.values())) {
                socket.closed(reason);
            }
            sockets.clear();
        });
    }

    /** Sends the messages of one packet, its text and binary attachments together. */
    public boolean send(List<EngineMessage> messages) {
        return engine.send(messages);
    }

    /** Closes the whole connection; sockets leave when the engine reports the close. */
    public void close(DisconnectReason reason) {
        execute(() -> {
            closing = true;
            engine.close(reason);
        });
    }

    /**
     * A socket leaves its namespace (the connection stays). A connection left in no namespace is
     * held to the connect timeout again. Called serially.
     */
    public void detach(Socket socket, DisconnectReason reason) {
        sockets.remove(socket.namespace().name(), socket);
        socket.closed(reason);
        if (sockets.isEmpty() && !closing) {
            armConnectTimeout();
        }
    }

    /** Applies the {@link FailurePolicy} to a failure. Called serially. */
    public void fail(Failure failure, String namespace, Throwable cause) {
        FailurePolicy.Outcome outcome = FailurePolicy.outcome(failure);
        if (outcome instanceof FailurePolicy.CloseConnection close) {
            log.debug("Closing {} ({}): {}", engine.id(), failure, cause == null ? "" : cause.getMessage());
            closing = true;
            engine.close(close.reason());
        } else if (outcome instanceof FailurePolicy.AnswerConnectError answer) {
            if (cause != null) {
                log.warn("CONNECT to {} failed on {}", namespace, engine.id(), cause);
            }
            sendConnectError(namespace, answer.message(), null);
        } else {
            log.warn("{} on {} in {}", failure, engine.id(), namespace, cause);
        }
    }

    private void route(Packet packet) {
        if (packet instanceof Packet.Connect connect) {
            connect(connect);
            return;
        }
        Socket socket = sockets.get(packet.namespace());
        if (socket == null || packet instanceof Packet.ConnectError) {
            fail(Failure.UNEXPECTED_PACKET, packet.namespace(), null);
            return;
        }
        socket.receive(packet);
    }

    private void connect(Packet.Connect connect) {
        String name = connect.namespace();
        Namespace namespace = context.namespaces().apply(name);
        if (namespace == null) {
            fail(Failure.UNKNOWN_NAMESPACE, name, null);
            return;
        }
        if (sockets.containsKey(name) || (connecting != null && connecting.contains(name))) {
            fail(Failure.UNEXPECTED_PACKET, name, null);
            return;
        }
        if (connecting == null) {
            connecting = new ArrayList<>(1);
        }
        connecting.add(name);
        JsonNode auth = connect.data() != null ? connect.data() : JsonNodeFactory.instance.objectNode();
        admit(namespace, auth).whenComplete((admission, error) ->
                execute(() -> admitted(namespace, auth, admission, error)));
    }

    private CompletionStage<Admission> admit(Namespace namespace, JsonNode auth) {
        try {
            return namespace.admit(engine.handshake(), auth);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void admitted(Namespace namespace, JsonNode auth, Admission admission, Throwable error) {
        if (closing) {
            connecting.remove(namespace.name());
            return;
        }
        if (error != null) {
            connecting.remove(namespace.name());
            fail(Failure.MIDDLEWARE_FAILED, namespace.name(), error);
        } else if (!admission.decision().isAccepted()) {
            connecting.remove(namespace.name());
            sendConnectError(namespace.name(), admission.decision().message(), admission.decision().data());
        } else if (admission.recovering() != null) {
            resume(namespace, auth, admission);
        } else {
            connecting.remove(namespace.name());
            start(Connects.newSocket(namespace, this, auth, admission), namespace);
        }
    }

    /**
     * Puts the socket of a dropped session back in its rooms holding its live packets, then asks the
     * recovery store for what it missed up to now. Still connecting meanwhile: a second CONNECT to
     * the namespace is refused as unexpected.
     */
    private void resume(Namespace namespace, JsonNode auth, Admission admission) {
        Socket socket = Connects.resumed(namespace, this, auth, admission);
        namespace.add(socket);
        namespace.adapter().join(socket.id(), admission.recovering().rooms());
        CompletionStage<Optional<RecoveryHook.Replay>> replay;
        try {
            replay = namespace.options().recovery().hook().replay(admission.recovering(), admission.offset());
        } catch (RuntimeException e) {
            replay = CompletableFuture.failedFuture(e);
        }
        replay.whenComplete((result, error) -> execute(() -> replayed(namespace, auth, admission, socket,
                error == null ? result : Optional.empty(), error)));
    }

    private void replayed(Namespace namespace, JsonNode auth, Admission admission, Socket socket,
                          Optional<RecoveryHook.Replay> replay, Throwable error) {
        if (error != null) {
            log.warn("Recovery of {} on {} failed; starting a fresh session", socket.id(), engine.id(), error);
        }
        if (closing || replay.isEmpty()) {
            // Never a partial replay: out of the rooms, and (unless the connection went) a fresh session.
            namespace.adapter().leaveAll(socket.id());
            namespace.remove(socket);
            if (!closing) {
                admitFresh(namespace, auth, admission);
            } else {
                connecting.remove(namespace.name());
            }
            return;
        }
        connecting.remove(namespace.name());
        sockets.put(namespace.name(), socket);
        settleConnected();
        send(namespace.encode(Connects.reply(socket)));
        listen(socket, namespace); // what the listeners emit is held behind the replay
        sendReplay(socket, namespace, replay.get(), replay.get().missed().iterator());
    }

    /**
     * Sends the next part of a replay, then of the live packets held behind it, and comes back once
     * the client has read it: a replay is as long as the client was away, and all of it at once would
     * look like a client that stopped reading. The heartbeat ends one that really did.
     */
    private void sendReplay(Socket socket, Namespace namespace, RecoveryHook.Replay replay,
                            Iterator<Packet.Event> missed) {
        if (closing || !socket.isConnected()) {
            return;
        }
        long bytes = 0;
        int packets = 0;
        while (missed.hasNext() && packets < REPLAY_PART_PACKETS && bytes < REPLAY_PART_BYTES) {
            List<EngineMessage> encoded = namespace.encode(missed.next());
            if (!send(encoded)) {
                return;
            }
            packets++;
            bytes += EngineMessage.sizeOf(encoded);
        }
        // the live packets held behind the replay fill what is left of the part, then parts of their own
        if (missed.hasNext() || !socket.releaseHeld(replay::covers, REPLAY_PART_PACKETS - packets)) {
            engine.whenDrained(() -> sendReplay(socket, namespace, replay, missed));
        }
    }

    /** A resumption that failed becomes an ordinary CONNECT: the middlewares decide, unless they already did. */
    private void admitFresh(Namespace namespace, JsonNode auth, Admission admission) {
        if (!namespace.options().recovery().skipMiddlewares()) {
            admitted(namespace, auth, Admission.fresh(admission.decision()), null);
            return;
        }
        CompletionStage<Admission> fresh;
        try {
            fresh = namespace.admitFresh(engine.handshake(), auth);
        } catch (RuntimeException e) {
            fresh = CompletableFuture.failedFuture(e);
        }
        fresh.whenComplete((next, error) -> execute(() -> admitted(namespace, auth, next, error)));
    }

    private void start(Socket socket, Namespace namespace) {
        sockets.put(namespace.name(), socket);
        namespace.add(socket);
        settleConnected();
        socket.deliver(namespace.encode(Connects.reply(socket)));
        listen(socket, namespace);
    }

    /** The first CONNECT that succeeds ends the pre-CONNECT limits and the connect timeout. */
    private void settleConnected() {
        settlePreConnect();
        if (connectTimeout != null) {
            connectTimeout.cancel(false);
            connectTimeout = null;
        }
    }

    /** Runs the connection listeners of a socket that is in and has its CONNECT reply (and replay). */
    private void listen(Socket socket, Namespace namespace) {
        RuntimeException failure = namespace.fireConnection(socket);
        socket.releaseAuth();
        if (failure != null) {
            fail(Failure.HANDLER_FAILED, namespace.name(), failure);
        }
    }

    private void sendConnectError(String namespace, String message, Object data) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("message", message);
        if (data != null) {
            body.set("data", context.arguments().toJson(data).get(0));
        }
        Packet.ConnectError error = new Packet.ConnectError(namespace, body);
        send(List.of(EngineMessage.text(context.encoder().encode(error).text())));
    }

    private void connectTimedOut() {
        if (!closing && sockets.isEmpty()) {
            fail(Failure.CONNECT_TIMEOUT, null, null);
        }
    }

    @Override
    public String toString() {
        return "ClientConnection[" + engine.id() + ", " + sockets.keySet() + "]";
    }
}
