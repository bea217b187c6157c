package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.EnginePacket.Ping;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The upgrade of one polling session to WebSocket: the probe connection, its ping/pong, the upgrade
 * packet and the timers that give up on it or keep the paused poll moving. Confined to the
 * session's executor; timers hand their work to it.
 */
final class UpgradeProbe {

    private static final EngineMessage PROBE_PONG = EngineMessage.control(PacketType.PONG, EngineIoProtocol.PROBE);
    /** As the reference: while a probe is pending, a waiting poll gets a noop every 100 ms, no faster. */
    private static final long NOOP_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private final EngineSession session;
    private WebSocketLink probe;
    private Timeout upgradeTimer;
    private Timeout noopTimer;

    UpgradeProbe(EngineSession session) {
        this.session = session;
    }

    /** A WebSocket with this session's sid connected: it may probe unless the session cannot upgrade. */
    boolean begin(WebSocketLink link) {
        EngineIoOptions options = session.options();
        if (!session.isOpen() || session.polling() == null || probe != null || !options.allowUpgrades()
                || !options.allows(EngineIoProtocol.WEBSOCKET)) {
            return false;
        }
        probe = link;
        upgradeTimer = later(options.upgradeTimeout().toNanos(), () -> abort(link));
        return true;
    }

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
        link.write(PROBE_PONG);
        link.flush();
        if (!session.polling().upgrading) { // a repeated probe ping starts no second noop timer
            session.polling().upgrading = true;
            scheduleNoop();
        }
    }

    private void scheduleNoop() {
        noopTimer = later(NOOP_INTERVAL_NANOS, () -> {
            PollingState polling = session.polling();
            if (probe != null && polling != null && polling.upgrading) {
                session.pollingTransport().answerPendingPoll();
                scheduleNoop();
            }
        });
    }

    private void complete(WebSocketLink link) {
        if (!session.isOpen()) {
            return;
        }
        cancelTimers();
        probe = null;
        session.switchToWebSocket(link);
    }

    /** The probe on {@code link} failed or timed out: polling goes on and the link is closed. */
    void abort(WebSocketLink link) {
        if (link != probe) {
            return;
        }
        probe = null;
        cancelTimers();
        PollingState polling = session.polling();
        if (polling != null) {
            polling.upgrading = false;
        }
        link.close();
    }

    /** The session closes: stops any probe and returns its link to close. */
    WebSocketLink cancel() {
        cancelTimers();
        WebSocketLink probeLink = probe;
        probe = null;
        return probeLink;
    }

    private void cancelTimers() {
        if (upgradeTimer != null) {
            upgradeTimer.cancel();
            upgradeTimer = null;
        }
        if (noopTimer != null) {
            noopTimer.cancel();
            noopTimer = null;
        }
    }

    private Timeout later(long nanos, Runnable task) {
        return session.timer().newTimeout(t -> session.executor().execute(task), nanos, TimeUnit.NANOSECONDS);
    }
}
