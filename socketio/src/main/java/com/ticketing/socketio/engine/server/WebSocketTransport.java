package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PacketCodec;
import com.ticketing.socketio.engine.packet.PacketDecodeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what arrives on a WebSocket to the session (its active link) or to its {@link UpgradeProbe}
 * (a probing link); frames from any other link are ignored. Confined to the session's executor.
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
            if (link == session.webSocket()) {
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
        if (link == session.webSocket()) {
            session.close(reason, CloseMode.ABORT);
        } else {
            upgrade.abort(link);
        }
    }

    private void onPacket(WebSocketLink link, EnginePacket packet) {
        if (link == session.webSocket()) {
            session.onPacket(packet);
        } else if (upgrade.isProbe(link)) {
            upgrade.onPacket(link, packet);
        }
    }
}
