package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.EnginePacket.Ping;
import io.netty.util.Timeout;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade of one polling session to WebSocket: the probe connection, its ping/pong, the upgrade
 * packet and the timer that gives up on it. State is guarded by the session's monitor; responders
 * and {@link WebSocketLink#close()} run outside it.
 */
final class UpgradeProbe {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);
    private static final byte[] PROBE_PONG_FRAME = "3probe".getBytes(StandardCharsets.US_ASCII);

    private final EngineSession session;
    private WebSocketLink probe;
    private Timeout upgradeTimer;

    UpgradeProbe(EngineSession session) {
        this.session = session;
    }

    /** See {@link EngineSession#beginUpgrade}. */
    boolean begin(WebSocketLink link) {
        synchronized (session) {
            EngineIoOptions options = session.options();
            if (session.state() != EngineSession.State.OPEN || session.polling() == null || probe != null
                    || !options.allows(EngineIoProtocol.WEBSOCKET)) {
                return false;
            }
            probe = link;
            upgradeTimer = session.timer().newTimeout(t -> abort(link),
                    options.upgradeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return true;
        }
    }

    /** Called under the session lock. */
    boolean isProbe(WebSocketLink link) {
        return link == probe;
    }

    /** A packet arrived on the probe connection {@code link}. */
    void onPacket(WebSocketLink link, EnginePacket packet) {
        if (packet instanceof Ping ping && EngineIoProtocol.PROBE.equals(ping.data())) {
            accept(link);
        } else if (packet == EnginePacket.UPGRADE) {
            complete(link);
        } else {
            abort(link);
        }
    }

    private void accept(WebSocketLink link) {
        PollResponder responder;
        String payload = null;
        synchronized (session) {
            if (link != probe) {
                return;
            }
            link.sendText(PROBE_PONG_FRAME);
            PollingState polling = session.polling();
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

    private void complete(WebSocketLink link) {
        PollResponder responder;
        synchronized (session) {
            if (link != probe || session.state() != EngineSession.State.OPEN) {
                return;
            }
            upgradeTimer.cancel();
            upgradeTimer = null;
            probe = null;
            responder = session.switchToWebSocket(link);
        }
        log.debug("Session {} upgraded to websocket", session.id());
        if (responder != null) {
            responder.respond(EngineSession.NOOP_PAYLOAD);
        }
    }

    /** The probe on {@code link} failed or timed out: polling goes on and the link is closed. */
    void abort(WebSocketLink link) {
        synchronized (session) {
            if (link != probe) {
                return;
            }
            probe = null;
            upgradeTimer.cancel();
            upgradeTimer = null;
            PollingState polling = session.polling();
            if (polling != null) {
                polling.upgrading = false;
            }
        }
        link.close();
    }

    /** Called under the session lock as it closes: stops any probe and returns its link to close. */
    WebSocketLink cancel() {
        if (upgradeTimer != null) {
            upgradeTimer.cancel();
            upgradeTimer = null;
        }
        WebSocketLink probeLink = probe;
        probe = null;
        return probeLink;
    }
}
