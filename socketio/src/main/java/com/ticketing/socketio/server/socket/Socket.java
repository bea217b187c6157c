package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.Failure;
import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.ack.PendingAcks;
import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.server.client.ClientConnection;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.recovery.RecoveryHook;
import com.ticketing.socketio.server.recovery.SessionSnapshot;
import com.ticketing.socketio.server.room.BroadcastOperator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * One client's presence in one namespace: its handlers, rooms, attributes, and the way to emit
 * to it. Methods may be called from any thread; handlers run serially per connection.
 */
public final class Socket {

    private final String id;
    private final String pid;
    private final Namespace namespace;
    private final ClientConnection client;
    private volatile JsonNode auth; // released once the connection listeners ran: it usually holds a token
    private final boolean recovered;
    private volatile boolean connected = true;
    private final SocketHandlers handlers = new SocketHandlers();
    private final SocketAttributes attributes;
    private volatile PendingAcks acks;
    /** While a recovered socket's replay is prepared: its live packets, in order. Null otherwise. */
    private volatile Hold hold;

    /**
     * Created by the layer once a CONNECT is admitted.
     *
     * @param pid        the private recovery id, or null when recovery is off
     * @param recovered  whether this socket resumes a dropped session (same id, rooms, attributes)
     * @param attributes the initial attributes (from the middlewares or the recovered session)
     */
    public Socket(String id, String pid, Namespace namespace, ClientConnection client, JsonNode auth,
                  boolean recovered, Map<String, Object> attributes) {
        this.id = id;
        this.pid = pid;
        this.namespace = namespace;
        this.client = client;
        this.auth = auth;
        this.recovered = recovered;
        this.attributes = new SocketAttributes(attributes);
    }

    /** The socket id (also a room holding only this socket). */
    public String id() {
        return id;
    }

    /** The private id a client presents to recover this socket; null when recovery is off. */
    public String pid() {
        return pid;
    }

    public Namespace namespace() {
        return namespace;
    }

    /** What the Engine.IO handshake request carried. */
    public HandshakeData handshake() {
        return client.engine().handshake();
    }

    /**
     * The CONNECT payload (an empty object when the client sent none), for the middlewares and the
     * connection listeners; null afterwards, so an idle socket does not keep its client's token.
     */
    public JsonNode auth() {
        return auth;
    }

    /** Called by the layer once the connection listeners ran. */
    public void releaseAuth() {
        auth = null;
    }

    /** Whether this socket resumed a dropped session. */
    public boolean recovered() {
        return recovered;
    }

    /**
     * The Engine.IO session underneath (the reference's {@code socket.conn}); shared by the sockets
     * of every namespace the client joined. Closing it drops the client without a DISCONNECT, so
     * the client reconnects.
     */
    public EngineSocket connection() {
        return client.engine();
    }

    /** The current transport of the connection: {@code polling} or {@code websocket}. */
    public String transportName() {
        return client.engine().transportName();
    }

    public boolean isConnected() {
        return connected;
    }

    /** An attribute, or null. */
    public <T> T get(AttributeKey<T> key) {
        return attributes.get(key);
    }

    /** Sets (or, with null, removes) an attribute. */
    public <T> void set(AttributeKey<T> key, T value) {
        attributes.set(key, value);
    }

    /** A copy of every attribute, by name. */
    public Map<String, Object> attributes() {
        return attributes.copy();
    }

    /** Joins rooms. */
    public void join(String... rooms) {
        namespace.adapter().join(id, Arrays.asList(rooms));
    }

    /** Leaves a room. */
    public void leave(String room) {
        namespace.adapter().leave(id, room);
    }

    /** The rooms of this socket, its own id included. */
    public Set<String> rooms() {
        return namespace.adapter().rooms(id);
    }

    /** Handles an event by name; replaces an earlier handler of that name. */
    public Socket on(String event, EventHandler handler) {
        handlers.on(event, handler);
        return this;
    }

    /** Handles every event that has no handler of its own. */
    public Socket onAny(AnyEventHandler handler) {
        handlers.onAny(handler);
        return this;
    }

    /** Adds a listener told once when the socket leaves. */
    public Socket onDisconnect(DisconnectListener listener) {
        handlers.onDisconnect(listener);
        return this;
    }

    /**
     * Emits an event to this client; arguments are JSON nodes, byte arrays (binary attachments) or
     * values the mapper turns into JSON. Returns false if the socket is disconnected.
     */
    public boolean emit(String event, Object... args) {
        if (!connected) {
            return false;
        }
        Packet.Event packet = new Packet.Event(namespace.name(), event, namespace.arguments().toJson(args),
                Packet.NO_ACK);
        return deliver(namespace.encode(namespace.recoverable(packet, BroadcastTarget.room(id))));
    }

    /**
     * Emits an event the client must acknowledge. The future completes with the client's answer, or
     * fails with {@link com.ticketing.socketio.server.ack.AckTimeoutException} after {@code timeout}
     * (the default ack timeout when null) or when the socket leaves first.
     */
    public CompletableFuture<List<JsonNode>> emitWithAck(String event, Duration timeout, Object... args) {
        PendingAcks.Registration registration = pendingAcks()
                .register(timeout != null ? timeout : namespace.options().ackTimeout());
        if (registration.future().isDone()) {
            return registration.future();
        }
        Packet.Event packet = new Packet.Event(namespace.name(), event, namespace.arguments().toJson(args),
                registration.id());
        deliver(namespace.encode(packet));
        return registration.future();
    }

    /** A broadcast from this socket: to these rooms, this socket excluded. */
    public BroadcastOperator to(String... rooms) {
        return new BroadcastOperator(namespace).to(rooms).except(id);
    }

    /** A broadcast to every other socket of the namespace. */
    public BroadcastOperator broadcast() {
        return new BroadcastOperator(namespace).except(id);
    }

    /** Leaves the namespace (the client gets a DISCONNECT); keeps the connection. */
    public void disconnect() {
        disconnect(false);
    }

    /**
     * Leaves the namespace; with {@code closeConnection}, also closes the whole connection (every
     * namespace of this client).
     */
    public void disconnect(boolean closeConnection) {
        client.execute(() -> {
            if (connected) {
                deliver(namespace.encode(new Packet.Disconnect(namespace.name())));
                client.detach(this, DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
            }
            if (closeConnection) {
                client.close(DisconnectReason.FORCED_SERVER_CLOSE);
            }
        });
    }

    /** Sends already encoded messages to this client. Called by the layer and adapters. */
    public boolean deliver(List<EngineMessage> messages) {
        return deliver(null, messages);
    }

    /**
     * Sends the encoding of {@code packet} to this client; while a recovery holds the socket, keeps it
     * (with the packet's recovery offset) until the replay went out. Called by adapters.
     */
    public boolean deliver(Packet packet, List<EngineMessage> messages) {
        Hold current = hold;
        if (current != null) {
            Hold.Outcome outcome = current.keep(packet, messages);
            if (outcome == Hold.Outcome.KEPT) {
                return connected;
            }
            if (outcome == Hold.Outcome.FULL) {
                // the client reads its replay slower than its rooms produce: it may resume from where it got
                client.close(DisconnectReason.TRANSPORT_ERROR);
                return false;
            }
            // released meanwhile: straight out
        }
        return connected && client.send(messages);
    }

    /** Keeps every live packet from now on until {@link #releaseHeld} let go of them all. Called by the layer before the socket joins its rooms. */
    public void hold() {
        hold = new Hold();
    }

    /**
     * Sends at most {@code max} of the packets held since {@link #hold} that the replay does not
     * cover, oldest first; once none is left, lets packets go straight out again and returns true.
     * Packets delivered meanwhile are held behind the others, so none overtakes a held one.
     */
    public boolean releaseHeld(Predicate<String> coveredByReplay, int max) {
        Hold current = hold;
        if (current == null) {
            return true;
        }
        boolean released = current.release(held -> {
            if (coveredByReplay.test(RecoveryHook.offsetOf(held.packet()))) {
                return false;
            }
            client.send(held.messages());
            return true;
        }, max);
        if (released) {
            hold = null;
        }
        return released;
    }

    /**
     * Live packets kept while a recovery prepares and sends its replay. Bounded: a client that reads
     * the replay slower than its rooms produce would otherwise grow it without end.
     */
    private static final class Hold {
        static final long MAX_BYTES = 4L << 20; // sixteen times the default outbound limit

        enum Outcome { KEPT, FULL, RELEASED }

        private final ArrayDeque<Held> held = new ArrayDeque<>();
        private long bytes;
        private boolean released;

        synchronized Outcome keep(Packet packet, List<EngineMessage> messages) {
            if (released) {
                return Outcome.RELEASED;
            }
            long size = EngineMessage.sizeOf(messages);
            if (bytes + size > MAX_BYTES) {
                return Outcome.FULL;
            }
            held.add(new Held(packet, messages));
            bytes += size;
            return Outcome.KEPT;
        }

        /** Hands packets to {@code send} (true when it sent one) until {@code max} went; true once all did. */
        synchronized boolean release(Predicate<Held> send, int max) {
            int sent = 0;
            Held next;
            while (sent < max && (next = held.poll()) != null) {
                bytes -= EngineMessage.sizeOf(next.messages());
                if (send.test(next)) {
                    sent++;
                }
            }
            released = held.isEmpty();
            return released;
        }
    }

    private record Held(Packet packet, List<EngineMessage> messages) {
    }

    /** Handles a packet for this namespace from the client. Called by the layer, serially. */
    public void receive(Packet packet) {
        if (packet instanceof Packet.Event event) {
            dispatch(event);
        } else if (packet instanceof Packet.Ack ack) {
            PendingAcks current = acks;
            if (current != null) {
                current.complete(ack.ackId(), ack.args());
            }
        } else if (packet instanceof Packet.Disconnect) {
            client.detach(this, DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
        }
    }

    /** Ends the socket: leaves its rooms, fails its pending acks, tells the listeners. Called serially. */
    public void closed(DisconnectReason reason) {
        if (!connected) {
            return;
        }
        connected = false;
        var recovery = namespace.options().recovery();
        if (recovery.enabled() && recovery.isRecoverable(reason)) {
            recovery.hook().persist(new SessionSnapshot(namespace.name(), id, pid, rooms(), attributes(),
                    Instant.now()));
        }
        namespace.adapter().leaveAll(id);
        namespace.remove(this);
        PendingAcks current = acks;
        if (current != null) {
            current.closeAll();
        }
        handlers.disconnected(reason, e -> client.fail(Failure.HANDLER_FAILED, namespace.name(), e));
        namespace.sharedHandlers().disconnected(this, reason,
                e -> client.fail(Failure.HANDLER_FAILED, namespace.name(), e));
    }

    private void dispatch(Packet.Event event) {
        Ack ack = event.wantsAck() ? new ReplyAck(this, event.ackId()) : Ack.NONE;
        try {
            handlers.dispatch(this, namespace.sharedHandlers(), event, ack);
        } catch (RuntimeException e) {
            client.fail(Failure.HANDLER_FAILED, namespace.name(), e);
        }
    }

    boolean sendAck(long ackId, Object... args) {
        Packet.Ack packet = new Packet.Ack(namespace.name(), ackId, namespace.arguments().toJson(args));
        return deliver(namespace.encode(packet));
    }

    private PendingAcks pendingAcks() {
        PendingAcks current = acks;
        if (current == null) {
            synchronized (this) {
                current = acks;
                if (current == null) {
                    current = new PendingAcks(namespace.timer(), client.executor());
                    if (!connected) {
                        current.closeAll();
                    }
                    acks = current;
                }
            }
        }
        return current;
    }

    @Override
    public String toString() {
        return "Socket[" + namespace.name() + " " + id + (connected ? "" : ", disconnected") + "]";
    }
}
