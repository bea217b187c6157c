package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.SerialExecutor;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import io.netty.util.Timer;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (polling, then perhaps WebSocket), outbound packets,
 * heartbeat, upgrade and its single close.
 *
 * <p>Everything but {@link #send} runs on the session's {@link SerialExecutor}, owned by the event
 * loop of its connection (of the WebSocket, once upgraded): the state here and in the collaborators
 * {@link PollingTransport}, {@link WebSocketTransport}, {@link UpgradeProbe} and {@link Heartbeat}
 * belongs to that one thread and needs no lock. Producers on other threads only append to the
 * {@link Outbound}; the drain writes in append order and flushes once. The public methods below
 * {@link EngineSocket}'s are for the transport adapters; they hand their work to the executor.
 */
public final class EngineSession implements EngineSocket {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final List<EngineMessage> PING = List.of(EngineMessage.control(PacketType.PING, ""));
    static final String NOOP_PAYLOAD = String.valueOf(PacketType.NOOP.code());

    /** CLOSING: closed, but lingering until a poll takes the close packet. */
    enum State { OPEN, CLOSING, CLOSED }

    private final EngineIoServer server;
    private final String id;
    private final HandshakeData handshake;
    private final SerialExecutor executor;
    private final Outbound outbound = new Outbound();
    private final Heartbeat heartbeat;
    private final UpgradeProbe upgrade = new UpgradeProbe(this);
    private final WebSocketTransport webSocketTransport = new WebSocketTransport(this, upgrade);
    private final PollingTransport pollingTransport = new PollingTransport(this);
    private final Runnable drainTask = this::drainNow; // one per session, not one per drain
    private volatile State state = State.OPEN;
    private volatile String transportName;
    private volatile WebSocketLink webSocket; // read by producers for the backlog, written on the executor
    private long lastPacketNanos = System.nanoTime();
    private volatile PollingState polling; // volatile only for hasPendingPoll()
    private List<Runnable> drainedTasks; // null until someone waits for a drain: most never do

    EngineSession(EngineIoServer server, String id, HandshakeData handshake, EventExecutor owner,
                  WebSocketLink webSocket) {
        this.server = server;
        this.id = id;
        this.handshake = handshake;
        this.executor = new SerialExecutor(owner);
        this.heartbeat = new Heartbeat(this, server.options());
        this.webSocket = webSocket;
        this.polling = webSocket == null ? new PollingState() : null;
        this.transportName = webSocket == null ? EngineIoProtocol.POLLING : EngineIoProtocol.WEBSOCKET;
        if (webSocket != null) {
            webSocket.onWritable(this::scheduleDrain);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String transportName() {
        return transportName;
    }

    @Override
    public HandshakeData handshake() {
        return handshake;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public boolean send(List<EngineMessage> messages) {
        if (state != State.OPEN) {
            return false;
        }
        // What already waited for the client decides: one packet larger than the limit still goes out.
        long waitingBefore = outbound.offer(messages) - Outbound.sizeOf(messages);
        WebSocketLink link = webSocket;
        if (link != null) {
            waitingBefore += link.pendingWriteBytes();
        }
        if (overLimit(waitingBefore, outbound.packets())) {
            executor.execute(() -> close(DisconnectReason.TRANSPORT_ERROR, CloseMode.DROP));
            return false;
        }
        scheduleDrain();
        return true;
    }

    @Override
    public void whenDrained(Runnable task) {
        executor.execute(() -> {
            if (state != State.OPEN) {
                return;
            }
            if (drainedTasks == null) {
                drainedTasks = new ArrayList<>(1);
            }
            drainedTasks.add(task);
            runIfDrained();
        });
    }

    @Override
    public void close(DisconnectReason reason) {
        executor.execute(() -> close(reason, CloseMode.GRACEFUL));
    }

    // ---- for the transport adapters: each hands its work to the executor ---------------------------

    /** A long-polling GET for this session; the responder is answered now or once something is due. */
    public void attachPoll(PollResponder responder) {
        executor.execute(() -> pollingTransport.attachPoll(responder));
    }

    /** The client went away while its GET was pending. */
    public void pollAborted(PollResponder responder) {
        executor.execute(() -> pollingTransport.pollAborted(responder));
    }

    /** A POST starts; completes with false (the session closed on an overlap) if it may not. */
    public CompletableFuture<Boolean> beginPost() {
        CompletableFuture<Boolean> allowed = new CompletableFuture<>();
        executor.execute(() -> allowed.complete(pollingTransport.beginPost()));
        return allowed;
    }

    /** The body of the POST in progress, a polling payload, arrived in full. */
    public void endPost(String body) {
        executor.execute(() -> pollingTransport.endPost(body));
    }

    /** The POST in progress failed (too large, wrong content, connection lost); the session ends. */
    public void abortPost(DisconnectReason reason) {
        executor.execute(() -> pollingTransport.abortPost(reason));
    }

    /** A WebSocket with this session's sid connected to probe an upgrade; it is closed if it may not. */
    public void probe(WebSocketLink link) {
        executor.execute(() -> {
            if (!upgrade.begin(link)) {
                link.close(); // as the reference: a socket for a session upgraded, upgrading or gone
            }
        });
    }

    /** A text frame arrived on {@code link}. */
    public void onWebSocketText(WebSocketLink link, String frame) {
        executor.execute(() -> webSocketTransport.onText(link, frame));
    }

    /** A binary frame arrived on {@code link}: a binary message. */
    public void onWebSocketBinary(WebSocketLink link, byte[] frame) {
        executor.execute(() -> webSocketTransport.onBinary(link, frame));
    }

    /** The connection behind {@code link} ended, for {@code reason}. */
    public void onWebSocketClosed(WebSocketLink link, DisconnectReason reason) {
        executor.execute(() -> webSocketTransport.onClosed(link, reason));
    }

    // ---- outbound -----------------------------------------------------------------------------

    /** Schedules one drain for every burst of appends, batched with the other sessions of its loop. */
    private void scheduleDrain() {
        if (outbound.claimDrain()) {
            server.scheduleDrain(this, executor.owner());
        }
    }

    /** Hands what was appended to the transport; runs on the executor, through the drain batch. */
    void drain() {
        executor.execute(drainTask);
    }

    private void drainNow() {
        outbound.drainStarted();
        if (state != State.OPEN) {
            outbound.clear();
            return;
        }
        WebSocketLink link = webSocket;
        if (link != null) {
            webSocketTransport.write(link, outbound, false);
        } else {
            pollingTransport.take(outbound);
        }
        runIfDrained();
    }

    /**
     * Hands the tasks waiting for a drain to the executor if nothing waits for the client any more;
     * called on the executor after each drain and each answered poll.
     */
    void runIfDrained() {
        List<Runnable> due = drainedTasks;
        if (due == null || due.isEmpty() || state != State.OPEN || !drained()) {
            return;
        }
        drainedTasks = null;
        due.forEach(executor::execute); // each its own task: one that throws does not cost the others
    }

    private boolean drained() {
        if (outbound.packets() > 0) {
            return false;
        }
        WebSocketLink link = webSocket;
        return link != null ? link.isWritable() && !webSocketTransport.hasCarriedOver()
                : polling.waitingPackets() == 0;
    }

    /** Whether a client for whom this much already waits has stopped reading. */
    boolean overLimit(long bytesWaiting, int packets) {
        EngineIoOptions options = server.options();
        return bytesWaiting > options.maxOutboundBytes() || packets > options.maxOutboundPackets();
    }

    /**
     * The probe on {@code link} completed: the link becomes the transport, the session moves to the
     * link's event loop, and what polling still held goes out first.
     */
    void switchToWebSocket(WebSocketLink link) {
        PollingState previous = polling;
        ArrayDeque<List<EngineMessage>> carriedOver = previous.takeWaiting();
        if (previous.pingDue) {
            carriedOver.addFirst(PING);
        }
        webSocketTransport.carryOver(carriedOver);
        PollResponder responder = previous.takePendingPoll();
        polling = null;
        webSocket = link;
        transportName = EngineIoProtocol.WEBSOCKET;
        link.onWritable(this::scheduleDrain);
        executor.moveTo(link.eventLoop());
        log.debug("Session {} upgraded to websocket", id);
        if (responder != null) {
            responder.respond(NOOP_PAYLOAD);
        }
        if (!outbound.claimDrain()) {
            return; // a drain is already on its way and will write the carried-over packets
        }
        server.scheduleDrain(this, link.eventLoop());
    }

    // ---- packets, heartbeat and close ---------------------------------------------------------

    /** A packet arrived on the session's current transport. */
    void onPacket(EnginePacket packet) {
        if (state != State.OPEN || heartbeatExpired()) {
            return;
        }
        long now = System.nanoTime();
        lastPacketNanos = now;
        switch (packet.type()) {
            case PONG -> heartbeat.pongReceived(now);
            case MESSAGE -> deliver(packet);
            case CLOSE -> close(DisconnectReason.TRANSPORT_CLOSE, CloseMode.CLIENT_CLOSED);
            // v4 heartbeats go from server to client only
            case PING -> close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            default -> { }
        }
    }

    private void deliver(EnginePacket packet) {
        if (packet instanceof Message message) {
            server.handler().onText(this, message.text());
        } else if (packet instanceof BinaryMessage binary) {
            server.handler().onBinary(this, binary.data());
        }
    }

    /** Whether the client let the heartbeat deadline pass; if so the session is closed now. */
    boolean heartbeatExpired() {
        if (state == State.OPEN && heartbeat.expired(System.nanoTime())) {
            pingTimedOut();
            return true;
        }
        return false;
    }

    void sendPing() {
        if (state != State.OPEN) {
            return;
        }
        if (webSocket != null) {
            outbound.offer(PING);
            scheduleDrain();
        } else {
            polling.pingDue = true;
            pollingTransport.answerPendingPoll();
        }
    }

    void pingTimedOut() {
        close(DisconnectReason.PING_TIMEOUT, CloseMode.ABORT);
    }

    void close(DisconnectReason reason, CloseMode mode) {
        if (state != State.OPEN) {
            return;
        }
        if (mode == CloseMode.GRACEFUL) {
            // what was sent before the close still goes out, ahead of it
            outbound.drainStarted();
            if (webSocket != null) {
                webSocketTransport.write(webSocket, outbound, true);
            } else {
                pollingTransport.take(outbound);
            }
            if (state != State.OPEN) {
                return; // the client was over its limit and has been dropped
            }
        }
        heartbeat.stop();
        WebSocketLink probeLink = upgrade.cancel();
        WebSocketLink link = webSocket;
        boolean linger = polling != null && pollingTransport.close(mode);
        outbound.clear();
        webSocketTransport.carryOver(null);
        drainedTasks = null;
        state = linger ? State.CLOSING : State.CLOSED;
        log.debug("Session {} closed: {}", id, reason.wireText());
        if (linger) {
            server.lingerUntilPolled(this);
        } else {
            server.forget(this);
        }
        server.sessionClosed();
        if (probeLink != null) {
            probeLink.close();
        }
        if (link != null) {
            if (mode == CloseMode.DROP) {
                link.abort();
            } else {
                link.close();
            }
        }
        server.handler().onClose(this, reason);
    }

    /** A closing session whose close packet was never polled is dropped. */
    void lingerExpired() {
        executor.execute(() -> {
            if (state == State.CLOSING) {
                lingerEnded();
            }
        });
    }

    /** A closing session's close packet was polled (or never will be): it is now closed. */
    void lingerEnded() {
        state = State.CLOSED;
        polling.clearWaiting();
        server.forget(this);
    }

    /** Starts the heartbeat and tells the handler; on the executor. */
    void start() {
        executor.execute(() -> {
            heartbeat.start(System.nanoTime());
            server.handler().onOpen(this);
        });
    }

    State state() {
        return state;
    }

    PollingTransport pollingTransport() {
        return pollingTransport;
    }

    /** Whether a long-polling GET is waiting for packets (a racy read, for tests and metrics). */
    public boolean hasPendingPoll() {
        PollingState current = polling;
        return current != null && current.pendingPoll != null;
    }

    /** Null once upgraded, or on a session opened over WebSocket. */
    PollingState polling() {
        return polling;
    }

    /** Null until the session runs over WebSocket. */
    WebSocketLink webSocket() {
        return webSocket;
    }

    long lastPacketNanos() {
        return lastPacketNanos;
    }

    EngineIoOptions options() {
        return server.options();
    }

    Timer timer() {
        return server.timer();
    }

    @Override
    public String toString() {
        return "EngineSession[" + id + ", " + transportName + ", " + state + "]";
    }
}
