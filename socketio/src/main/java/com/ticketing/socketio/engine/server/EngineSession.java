package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.SerialExecutor;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import io.netty.util.Timer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (polling, then perhaps WebSocket), outbound packets,
 * heartbeat, upgrade and its single close. The public methods below {@link EngineSocket}'s are for
 * the transport adapters.
 *
 * <p>State is guarded by {@code this}, also in the collaborators {@link PollingTransport},
 * {@link WebSocketTransport} and {@link UpgradeProbe}; I/O and handler calls happen outside the lock.
 */
public final class EngineSession implements EngineSocket {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final byte[] PING_FRAME = {'2'};
    static final String NOOP_PAYLOAD = "6";

    /** CLOSING: closed, but lingering until a poll takes the close packet. */
    enum State { OPEN, CLOSING, CLOSED }

    private final EngineIoServer server;
    private final String id;
    private final HandshakeData handshake;
    private final SerialExecutor inbound = new SerialExecutor();
    private final Heartbeat heartbeat = new Heartbeat(this);
    private final UpgradeProbe upgrade = new UpgradeProbe(this);
    private final WebSocketTransport webSocketTransport = new WebSocketTransport(this, upgrade);
    private final PollingTransport pollingTransport;
    private volatile long lastPacketNanos = System.nanoTime();
    private volatile State state = State.OPEN;
    private volatile String transportName;
    private PollingState polling;
    private WebSocketLink webSocket;

    EngineSession(EngineIoServer server, String id, HandshakeData handshake, WebSocketLink webSocket) {
        this.server = server;
        this.id = id;
        this.handshake = handshake;
        this.pollingTransport = new PollingTransport(this, server);
        this.webSocket = webSocket;
        this.polling = webSocket == null ? new PollingState(server.options()) : null;
        this.transportName = webSocket == null ? EngineIoProtocol.POLLING : EngineIoProtocol.WEBSOCKET;
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
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public boolean send(List<EngineMessage> messages) {
        PollResponder responder = null;
        String payload = null;
        boolean accepted = true;
        synchronized (this) {
            if (state != State.OPEN) {
                return false;
            }
            for (int i = 0; accepted && i < messages.size(); i++) {
                EngineMessage message = messages.get(i);
                accepted = webSocket != null ? webSocketTransport.write(message) : polling.queue.offer(message);
            }
            if (accepted && polling != null && polling.pendingPoll != null) {
                responder = polling.takePendingPoll();
                payload = polling.takePayload();
            }
        }
        if (!accepted) {
            close(DisconnectReason.OUTBOUND_OVERFLOW, CloseMode.ABORT);
            return false;
        }
        if (responder != null) {
            responder.respond(payload);
        }
        return true;
    }

    @Override
    public void close(DisconnectReason reason) {
        close(reason, CloseMode.GRACEFUL);
    }

    // ---- polling transport ------------------------------------------------------------------

    /**
     * Attaches a long-polling GET, answered at once if something is due, else when it is. Returns
     * false when the session cannot take it (upgraded, closed, or a GET already pending: that
     * overlap closes the session, as the reference does); the caller then answers 400.
     */
    public boolean attachPoll(PollResponder responder) {
        return pollingTransport.attachPoll(responder);
    }

    /** Whether a long-polling GET is waiting for packets. */
    public boolean hasPendingPoll() {
        return pollingTransport.hasPendingPoll();
    }

    /** The client went away while its GET was pending: a transport error, as the reference treats it. */
    public void pollAborted(PollResponder responder) {
        pollingTransport.pollAborted(responder);
    }

    /** A POST starts; false (and the session closed) if another one is still in progress. */
    public boolean beginPost() {
        return pollingTransport.beginPost();
    }

    /** The body of the POST in progress, a polling payload, arrived in full. */
    public void endPost(String body) {
        pollingTransport.endPost(body);
    }

    /** The POST in progress failed (too large, wrong content, connection lost); the session ends. */
    public void abortPost(DisconnectReason reason) {
        pollingTransport.abortPost(reason);
    }

    // ---- websocket transport ----------------------------------------------------------------

    /** A WebSocket with this session's sid connected; false if it may not probe (the caller closes it). */
    public boolean beginUpgrade(WebSocketLink link) {
        return upgrade.begin(link);
    }

    /** A text frame arrived on {@code link}. */
    public void onWebSocketText(WebSocketLink link, String frame) {
        webSocketTransport.onText(link, frame);
    }

    /** A binary frame arrived on {@code link}: a binary message. */
    public void onWebSocketBinary(WebSocketLink link, byte[] frame) {
        webSocketTransport.onBinary(link, frame);
    }

    /** The connection behind {@code link} ended, for {@code reason}. */
    public void onWebSocketClosed(WebSocketLink link, DisconnectReason reason) {
        webSocketTransport.onClosed(link, reason);
    }

    /**
     * Called under the lock once the probe on {@code link} succeeded: the link becomes the transport
     * and polling ends. Returns the pending poll, if any, for the caller to end with a noop.
     */
    PollResponder switchToWebSocket(WebSocketLink link) {
        webSocket = link;
        transportName = EngineIoProtocol.WEBSOCKET;
        PollResponder responder = polling.takePendingPoll();
        if (polling.pingDue) {
            link.sendText(PING_FRAME);
        }
        polling.queue.drainTo(webSocketTransport::write);
        polling = null;
        return responder;
    }

    // ---- packets, heartbeat and close -------------------------------------------------------

    /** A packet arrived on the session's current transport. */
    void onPacket(EnginePacket packet) {
        if (state != State.OPEN) {
            return;
        }
        lastPacketNanos = System.nanoTime();
        switch (packet.type()) {
            case PONG -> heartbeat.pongReceived();
            case MESSAGE -> deliver(packet);
            case CLOSE -> close(DisconnectReason.TRANSPORT_CLOSE, CloseMode.CLIENT_CLOSED);
            // v4 heartbeats go from server to client only
            case PING -> close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            default -> { }
        }
    }

    private void deliver(EnginePacket packet) {
        if (packet instanceof Message message) {
            inbound.execute(() -> server.handler().onText(this, message.text()));
        } else if (packet instanceof BinaryMessage binary) {
            inbound.execute(() -> server.handler().onBinary(this, binary.data()));
        }
    }

    void sendPing() {
        PollResponder responder = null;
        String payload = null;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            if (webSocket != null) {
                webSocket.sendText(PING_FRAME);
            } else {
                polling.pingDue = true;
                responder = polling.takePendingPoll();
                if (responder != null) {
                    payload = polling.takePayload();
                }
            }
        }
        if (responder != null) {
            responder.respond(payload);
        }
    }

    void pingTimedOut() {
        close(DisconnectReason.PING_TIMEOUT, CloseMode.ABORT);
    }

    void close(DisconnectReason reason, CloseMode mode) {
        PollResponder responder = null;
        String payload = null;
        WebSocketLink activeLink;
        WebSocketLink probeLink;
        boolean linger = false;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            heartbeat.stop();
            probeLink = upgrade.cancel();
            activeLink = webSocket;
            if (polling != null) {
                responder = polling.takePendingPoll();
                if (mode == CloseMode.CLIENT_CLOSED) {
                    payload = NOOP_PAYLOAD;
                } else {
                    if (mode == CloseMode.ABORT) {
                        polling.queue.clear();
                        polling.pingDue = false;
                    }
                    polling.closePacketDue = true;
                    linger = responder == null && mode == CloseMode.GRACEFUL;
                    payload = responder == null ? null : polling.takePayload();
                }
                if (!linger) {
                    polling.queue.clear();
                }
            }
            state = linger ? State.CLOSING : State.CLOSED;
        }
        log.debug("Session {} closed: {}", id, reason.wireText());
        if (linger) {
            server.lingerUntilPolled(this);
        } else {
            server.forget(this);
        }
        server.sessionClosed();
        if (responder != null) {
            responder.respond(payload);
        }
        if (probeLink != null) {
            probeLink.close();
        }
        if (activeLink != null) {
            activeLink.close();
        }
        inbound.execute(() -> server.handler().onClose(this, reason));
    }

    /** A closing session whose close packet was never polled is dropped. */
    synchronized void lingerExpired() {
        if (state == State.CLOSING) {
            state = State.CLOSED;
            polling.queue.clear();
        }
    }

    /** Called under the lock when a closing session's close packet was polled: it is now closed. */
    void lingerEnded() {
        state = State.CLOSED;
    }

    void start() {
        heartbeat.start();
        inbound.execute(() -> server.handler().onOpen(this));
    }

    /** Called under the lock. */
    State state() {
        return state;
    }

    /** Called under the lock; null once upgraded, or on a session opened over WebSocket. */
    PollingState polling() {
        return polling;
    }

    /** Called under the lock; null until the session runs over WebSocket. */
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
