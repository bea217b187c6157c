package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import com.ticketing.socketio.engine.packet.EnginePacket.Ping;
import com.ticketing.socketio.engine.packet.PacketCodec;
import com.ticketing.socketio.engine.packet.PacketDecodeException;
import com.ticketing.socketio.engine.packet.PayloadCodec;
import com.ticketing.socketio.engine.packet.PayloadCodec.DecodedPayload;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its transport (polling, then perhaps WebSocket), outbound packets,
 * heartbeat, upgrade and its single close. The public methods below {@link EngineSocket}'s are for
 * the transport adapters.
 *
 * <p>State is guarded by {@code this}; I/O and handler calls happen outside the lock.
 */
public final class EngineSession implements EngineSocket {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final byte[] PING_FRAME = {'2'};
    private static final byte[] PROBE_PONG_FRAME = "3probe".getBytes(StandardCharsets.US_ASCII);
    private static final String NOOP_PAYLOAD = "6";

    private enum State { OPEN, CLOSING, CLOSED }

    private final EngineIoServer server;
    private final String id;
    private final HandshakeData handshake;
    private final InboundDispatcher inbound = new InboundDispatcher();
    private final Heartbeat heartbeat = new Heartbeat(this);
    private volatile long lastPacketNanos = System.nanoTime();
    private volatile State state = State.OPEN;
    private volatile String transportName;
    private PollingState polling;
    private WebSocketLink webSocket;
    private WebSocketLink probe;
    private Timeout upgradeTimer;

    EngineSession(EngineIoServer server, String id, HandshakeData handshake, WebSocketLink webSocket) {
        this.server = server;
        this.id = id;
        this.handshake = handshake;
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
    public boolean send(EngineMessage message) {
        PollResponder responder = null;
        String payload = null;
        boolean accepted;
        synchronized (this) {
            if (state != State.OPEN) {
                return false;
            }
            accepted = webSocket != null ? writeToWebSocket(message) : polling.queue.offer(message);
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
        String payload;
        boolean finished;
        synchronized (this) {
            if (state == State.CLOSED || polling == null) {
                return false;
            }
            if (polling.pendingPoll != null) {
                payload = null;
            } else if (state == State.CLOSING || polling.mustAnswerNow()) {
                payload = polling.takePayload();
            } else {
                polling.pendingPoll = responder;
                return true;
            }
            finished = state == State.CLOSING;
            if (finished) {
                state = State.CLOSED;
            }
        }
        if (payload == null) {
            close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            return false;
        }
        if (finished) {
            server.forget(this);
        }
        responder.respond(payload);
        return true;
    }

    /** Whether a long-polling GET is waiting for packets. */
    public synchronized boolean hasPendingPoll() {
        return polling != null && polling.pendingPoll != null;
    }

    /** The client went away while its GET was pending: a transport error, as the reference treats it. */
    public void pollAborted(PollResponder responder) {
        synchronized (this) {
            if (polling == null || polling.pendingPoll != responder) {
                return;
            }
            polling.pendingPoll = null;
        }
        close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
    }

    /** A POST starts; false (and the session closed) if another one is still in progress. */
    public boolean beginPost() {
        synchronized (this) {
            if (polling == null || state == State.CLOSED) {
                return false;
            }
            if (!polling.postInFlight) {
                polling.postInFlight = true;
                return true;
            }
        }
        close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
        return false;
    }

    /** The body of the POST in progress, a polling payload, arrived in full. */
    public void endPost(String body) {
        synchronized (this) {
            if (polling != null) {
                polling.postInFlight = false;
            }
        }
        DecodedPayload decoded = PayloadCodec.decode(body);
        for (EnginePacket packet : decoded.packets()) {
            onPacket(packet);
        }
        if (!decoded.isValid()) {
            log.debug("Session {}: {}", id, decoded.error().getMessage());
            close(DisconnectReason.PARSE_ERROR, CloseMode.ABORT);
        }
    }

    /** The POST in progress failed (too large, wrong content, connection lost); the session ends. */
    public void abortPost(DisconnectReason reason) {
        synchronized (this) {
            if (polling != null) {
                polling.postInFlight = false;
            }
        }
        close(reason, CloseMode.ABORT);
    }

    // ---- websocket transport ----------------------------------------------------------------

    /** A WebSocket with this session's sid connected; false if it may not probe (the caller closes it). */
    public boolean beginUpgrade(WebSocketLink link) {
        synchronized (this) {
            if (state != State.OPEN || polling == null || probe != null
                    || !server.options().allows(EngineIoProtocol.WEBSOCKET)) {
                return false;
            }
            probe = link;
            upgradeTimer = server.timer().newTimeout(t -> abortUpgrade(link),
                    server.options().upgradeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
    }

    /** A text frame arrived on {@code link}. */
    public void onWebSocketText(WebSocketLink link, String frame) {
        EnginePacket packet;
        try {
            packet = PacketCodec.decode(frame);
        } catch (PacketDecodeException e) {
            log.debug("Session {}: {}", id, e.getMessage());
            if (isActive(link)) {
                close(DisconnectReason.PARSE_ERROR, CloseMode.ABORT);
            } else {
                abortUpgrade(link);
            }
            return;
        }
        onWebSocketPacket(link, packet);
    }

    /** A binary frame arrived on {@code link}: a binary message. */
    public void onWebSocketBinary(WebSocketLink link, byte[] frame) {
        onWebSocketPacket(link, PacketCodec.decodeBinaryFrame(frame));
    }

    /** The connection behind {@code link} ended, for {@code reason}. */
    public void onWebSocketClosed(WebSocketLink link, DisconnectReason reason) {
        if (isActive(link)) {
            close(reason, CloseMode.ABORT);
        } else {
            abortUpgrade(link);
        }
    }

    private synchronized boolean isActive(WebSocketLink link) {
        return link == webSocket;
    }

    private void onWebSocketPacket(WebSocketLink link, EnginePacket packet) {
        boolean active;
        synchronized (this) {
            active = link == webSocket;
            if (!active && link != probe) {
                return;
            }
        }
        if (active) {
            onPacket(packet);
        } else if (packet instanceof Ping ping && EngineIoProtocol.PROBE.equals(ping.data())) {
            acceptProbe(link);
        } else if (packet == EnginePacket.UPGRADE) {
            completeUpgrade(link);
        } else {
            abortUpgrade(link);
        }
    }

    private void acceptProbe(WebSocketLink link) {
        PollResponder responder;
        String payload = null;
        synchronized (this) {
            if (link != probe) {
                return;
            }
            link.sendText(PROBE_PONG_FRAME);
            polling.upgrading = true;
            responder = polling.takePendingPoll();
            if (responder != null) {
                payload = polling.takePayload();
            }
        }
        if (responder != null) {
            responder.respond(payload);
        }
    }

    private void completeUpgrade(WebSocketLink link) {
        PollResponder responder;
        synchronized (this) {
            if (link != probe || state != State.OPEN) {
                return;
            }
            upgradeTimer.cancel();
            upgradeTimer = null;
            probe = null;
            webSocket = link;
            transportName = EngineIoProtocol.WEBSOCKET;
            responder = polling.takePendingPoll();
            if (polling.pingDue) {
                link.sendText(PING_FRAME);
            }
            polling.queue.drainTo(this::writeToWebSocket);
            polling = null;
        }
        log.debug("Session {} upgraded to websocket", id);
        if (responder != null) {
            responder.respond(NOOP_PAYLOAD);
        }
    }

    private void abortUpgrade(WebSocketLink link) {
        synchronized (this) {
            if (link != probe) {
                return;
            }
            probe = null;
            upgradeTimer.cancel();
            upgradeTimer = null;
            if (polling != null) {
                polling.upgrading = false;
            }
        }
        link.close();
    }

    // ---- packets, heartbeat and close -------------------------------------------------------

    /** A packet arrived on the session's current transport. */
    private void onPacket(EnginePacket packet) {
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
            inbound.dispatch(() -> server.handler().onText(this, message.text()));
        } else if (packet instanceof BinaryMessage binary) {
            inbound.dispatch(() -> server.handler().onBinary(this, binary.data()));
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

    /** How a close treats what the client has not received yet. */
    enum CloseMode {
        /** Closed from above: queued messages and a close packet still go out on polling. */
        GRACEFUL,
        /** Failure: a pending poll gets a close packet, nothing else is delivered. */
        ABORT,
        /** The client sent a close packet: a pending poll ends with a noop, as the reference does. */
        CLIENT_CLOSED
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
            if (upgradeTimer != null) {
                upgradeTimer.cancel();
                upgradeTimer = null;
            }
            probeLink = probe;
            probe = null;
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
        inbound.dispatch(() -> server.handler().onClose(this, reason));
    }

    /** A closing session whose close packet was never polled is dropped. */
    synchronized void lingerExpired() {
        if (state == State.CLOSING) {
            state = State.CLOSED;
            polling.queue.clear();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** Called under the lock; false when the link's backlog is over the outbound limits. */
    private boolean writeToWebSocket(EngineMessage message) {
        EngineIoOptions options = server.options();
        if (webSocket.pendingFrames() >= options.maxOutboundPackets()
                || webSocket.pendingBytes() + message.sizeEstimate() > options.maxOutboundBytes()) {
            return false;
        }
        if (message.isBinary()) {
            webSocket.sendBinary(message.binary());
        } else {
            webSocket.sendText(message.webSocketTextFrame());
        }
        return true;
    }

    void start() {
        heartbeat.start();
        inbound.dispatch(() -> server.handler().onOpen(this));
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
