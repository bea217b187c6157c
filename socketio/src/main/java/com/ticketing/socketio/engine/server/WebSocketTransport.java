package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PacketCodec;
import com.ticketing.socketio.engine.packet.PacketDecodeException;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of one session: routes what arrives on a link to the session (its active
 * link) or to its {@link UpgradeProbe} (a probing link), ignoring any other link, and writes what
 * the session was given. Confined to the session's executor.
 */
final class WebSocketTransport {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private final EngineSession session;
    private final UpgradeProbe upgrade;
    /** What polling still held when the session upgraded: written to the WebSocket first. */
    private ArrayDeque<List<EngineMessage>> carriedOver;

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

    /** Packets to write before anything else (null forgets them). */
    void carryOver(ArrayDeque<List<EngineMessage>> packets) {
        carriedOver = packets;
    }

    /** Whether packets carried over from polling still wait to be written. */
    boolean hasCarriedOver() {
        return carriedOver != null && !carriedOver.isEmpty();
    }

    /**
     * Writes what waits while the connection is writable (or everything, before a graceful close),
     * then flushes once; the connection's writability schedules the rest.
     */
    void write(WebSocketLink link, Outbound outbound, boolean everything) {
        boolean wrote = false;
        if (carriedOver != null) {
            carriedOver.forEach(packet -> write(link, packet));
            wrote = !carriedOver.isEmpty();
            carriedOver = null;
        }
        List<EngineMessage> packet;
        while ((everything || link.isWritable()) && (packet = outbound.poll()) != null) {
            write(link, packet);
            wrote = true;
        }
        if (wrote) {
            link.flush();
        }
    }

    private static void write(WebSocketLink link, List<EngineMessage> packet) {
        for (int i = 0; i < packet.size(); i++) {
            link.write(packet.get(i));
        }
    }
}
