package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineIoHandler;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.RandomIds;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The Engine.IO v4 server: checks requests as the reference server does, opens sessions, keeps
 * them by sid and closes them all on shutdown. Transport-neutral; mount it on WebFlux with
 * {@code EngineIoWebFlux}.
 */
public final class EngineIoServer implements AutoCloseable {

    private final EngineIoOptions options;
    private final EngineIoHandler handler;
    private final Predicate<HandshakeData> allowRequest;
    private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<EventExecutor, DrainBatch> drainBatches = new ConcurrentHashMap<>();
    private final ThreadLocal<List<DrainBatch>> heldDrains = new ThreadLocal<>();
    private final AtomicInteger openSessions = new AtomicInteger();
    private final HashedWheelTimer timer;
    private volatile boolean closed;

    /** A server accepting every handshake. */
    public EngineIoServer(EngineIoOptions options, EngineIoHandler handler) {
        this(options, handler, handshake -> true);
    }

    /** A server that answers a handshake {@code allowRequest} refuses with 403 "Forbidden". */
    public EngineIoServer(EngineIoOptions options, EngineIoHandler handler, Predicate<HandshakeData> allowRequest) {
        this.options = Objects.requireNonNull(options, "options");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.allowRequest = Objects.requireNonNull(allowRequest, "allowRequest");
        // One timer thread for every heartbeat of every session; ticks fine enough for the shortest timing.
        long shortest = Math.min(options.pingInterval().toMillis(), options.pingTimeout().toMillis());
        long tickMillis = Math.max(5, Math.min(100, shortest / 10));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("engine-io-timer", true),
                tickMillis, TimeUnit.MILLISECONDS, 512);
    }

    public EngineIoOptions options() {
        return options;
    }

    /** Sessions currently open (for metrics). */
    public int sessionCount() {
        return openSessions.get();
    }

    /** The session with this sid, or null; a closed session is gone once its close packet was polled. */
    public EngineSession session(String sid) {
        return sessions.get(sid);
    }

    /**
     * Checks a request in the order the reference server does. Returns the session a request with
     * a sid belongs to, or null for a valid handshake; throws the error to answer with otherwise.
     */
    public EngineSession verify(EngineRequest request) {
        if (!options.allows(request.transport())) {
            throw new EngineIoRequestException(EngineIoError.UNKNOWN_TRANSPORT, request.transport());
        }
        if (request.origin() != null && hasInvalidHeaderChar(request.origin())) {
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "invalid origin");
        }
        if (request.sid() != null) {
            EngineSession session = sessions.get(request.sid());
            if (session == null) {
                throw new EngineIoRequestException(EngineIoError.UNKNOWN_SID, null);
            }
            if (!request.upgrade() && !session.transportName().equals(request.transport())) {
                throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "transport mismatch");
            }
            return session;
        }
        if (!"GET".equals(request.method())) {
            throw new EngineIoRequestException(EngineIoError.BAD_HANDSHAKE_METHOD, request.method());
        }
        if (EngineIoProtocol.WEBSOCKET.equals(request.transport()) && !request.upgrade()) {
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "websocket handshake without upgrade");
        }
        if (!String.valueOf(EngineIoProtocol.VERSION).equals(request.eio())) {
            throw new EngineIoRequestException(EngineIoError.UNSUPPORTED_PROTOCOL_VERSION, request.eio());
        }
        if (closed) {
            throw new EngineIoRequestException(EngineIoError.BAD_REQUEST, "server closed");
        }
        return null;
    }

    /** Throws "Forbidden" unless the request filter accepts this handshake. */
    public void authorize(HandshakeData handshake) {
        if (!allowRequest.test(handshake)) {
            throw new EngineIoRequestException(EngineIoError.FORBIDDEN, null);
        }
    }

    /**
     * Opens a polling session owned by {@code owner} (the event loop of the handshake's connection);
     * returns the payload that answers the handshake GET (the open packet).
     */
    public String openPolling(HandshakeData handshake, EventExecutor owner) {
        authorize(handshake);
        EngineSession session = new EngineSession(this, RandomIds.next(), handshake, owner, null);
        String openPacket = openPacket(session);
        register(session);
        return openPacket;
    }

    /** Opens a session on a WebSocket connected without sid: the open packet is its first frame. */
    public EngineSession openWebSocket(HandshakeData handshake, WebSocketLink link) {
        EngineSession session = new EngineSession(this, RandomIds.next(), handshake, link.eventLoop(), link);
        link.write(EngineMessage.control(PacketType.OPEN, openPacket(session).substring(1)));
        link.flush();
        register(session);
        return session;
    }

    /** Closes every session with "server shutting down", refuses new ones, and stops the timer. */
    @Override
    public void close() {
        closed = true;
        for (EngineSession session : List.copyOf(sessions.values())) {
            session.close(DisconnectReason.SERVER_SHUTTING_DOWN);
        }
        sessions.clear();
        timer.stop();
    }

    private void register(EngineSession session) {
        sessions.put(session.id(), session);
        openSessions.incrementAndGet();
        session.start();
        if (closed) {
            session.close(DisconnectReason.SERVER_SHUTTING_DOWN);
        }
    }

    private String openPacket(EngineSession session) {
        List<String> upgrades = options.upgradesFrom(session.transportName());
        return PacketType.OPEN.code() + "{\"sid\":\"" + session.id() + "\",\"upgrades\":"
                + (upgrades.isEmpty() ? "[]" : "[\"" + String.join("\",\"", upgrades) + "\"]")
                + ",\"pingInterval\":" + options.pingInterval().toMillis()
                + ",\"pingTimeout\":" + options.pingTimeout().toMillis()
                + ",\"maxPayload\":" + options.maxPayload() + "}";
    }

    // ---- for sessions -----------------------------------------------------------------------

    EngineIoHandler handler() {
        return handler;
    }

    Timer timer() {
        return timer;
    }

    /**
     * Holds back the writes this thread schedules until the returned scope closes, then starts them
     * with one task per event loop: the events of one batch of input (a Kafka poll, say) then share
     * each connection's flush. Scopes do not nest.
     */
    public DrainScope holdDrains() {
        List<DrainBatch> held = new java.util.ArrayList<>(2);
        heldDrains.set(held);
        return () -> {
            heldDrains.remove();
            held.forEach(DrainBatch::schedule);
        };
    }

    /** A scope of {@link #holdDrains()}. */
    public interface DrainScope extends AutoCloseable {
        @Override
        void close();
    }

    /** Schedules the drain of a session owned by {@code loop}, with the other sessions of that loop. */
    void scheduleDrain(EngineSession session, EventExecutor loop) {
        DrainBatch batch = drainBatches.computeIfAbsent(loop, DrainBatch::new);
        List<DrainBatch> held = heldDrains.get();
        if (held == null) {
            batch.add(session);
            return;
        }
        batch.hold(session);
        if (!held.contains(batch)) {
            held.add(batch);
        }
    }

    void sessionClosed() {
        openSessions.decrementAndGet();
    }

    void forget(EngineSession session) {
        sessions.remove(session.id(), session);
    }

    /** Keeps a closed polling session reachable until its close packet is polled, at most one heartbeat. */
    void lingerUntilPolled(EngineSession session) {
        if (closed) {
            forget(session);
            return;
        }
        long nanos = options.pingInterval().plus(options.pingTimeout()).toNanos();
        timer.newTimeout(t -> session.lingerExpired(), nanos, TimeUnit.NANOSECONDS);
    }

    /** As Node's check: header values may hold tab, visible ASCII and obs-text only. */
    private static boolean hasInvalidHeaderChar(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c == 0x7f || c > 0xff)) {
                return true;
            }
        }
        return false;
    }
}
