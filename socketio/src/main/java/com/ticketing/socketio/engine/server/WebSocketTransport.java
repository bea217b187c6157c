package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PacketCodec;
import com.ticketing.socketio.engine.packet.PacketDecodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of one session: routes what arrives on a link to the session (the active link)
 * or to its {@link UpgradeProbe}, and writes outbound messages within the link's backlog limits.
 * State is guarded by the session's monitor; packet handling and closes run outside it.
 */
final class WebSocketTransport {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private final EngineSession session;
    private final UpgradeProbe upgrade;

    WebSocketTransport(EngineSession session, UpgradeProbe upgrade) {
        this.session = session;
        this.upgrade = upgrade;
    }

    void onText(WebSocketLink link, String frame) {
        EnginePacket packet;
        try {
            packet = PacketCodec.decode(frame);
        } catch (PacketDecodeException e) {
            log.debug("Session {}: {}", session.id(), e.getMessage());
            if (isActive(link)) {
                session.close(DisconnectReason.PARSE_ERROR, CloseMode.ABORT);
            } else {
                upgrade.abort(link);
            }
            return;
        }
        onPacket(link, packet);
    }

    void onBinary(WebSocketLink link, byte[] frame) {
        onPacket(link, PacketCodec.decodeBinaryFrame(frame));
    }

    void onClosed(WebSocketLink link, DisconnectReason reason) {
        if (isActive(link)) {
            session.close(reason, CloseMode.ABORT);
        } else {
            upgrade.abort(link);
        }
    }

    /** Called under the session lock; false when the link's backlog is over the outbound limits. */
    boolean write(EngineMessage message) {
        WebSocketLink webSocket = session.webSocket();
        EngineIoOptions options = session.options();
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

    private boolean isActive(WebSocketLink link) {
        synchronized (session) {
            return link == session.webSocket();
        }
    }

    private void onPacket(WebSocketLink link, EnginePacket packet) {
        boolean active;
        synchronized (session) {
            active = link == session.webSocket();
            if (!active && !upgrade.isProbe(link)) {
                return;
            }
        }
        if (active) {
            session.onPacket(packet);
        } else {
            upgrade.onPacket(link, packet);
        }
    }
}
