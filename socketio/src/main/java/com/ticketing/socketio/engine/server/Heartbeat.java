package com.ticketing.socketio.engine.server;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * The v4 heartbeat of one session: a ping every {@code pingInterval} after the last pong, and "ping
 * timeout" once {@code pingTimeout} has passed since the ping was due with nothing heard from the
 * client (a pong, or any other packet, as the reference accepts). Deadlines are kept in absolute
 * time, so a late timer never gives a silent client more time, and every request of the client
 * checks them too. The timer only hands work to the session's executor; state is confined there.
 */
final class Heartbeat implements TimerTask {

    private final EngineSession session;
    private final long intervalNanos;
    private final long timeoutNanos;
    private Timeout timeout;
    private long pingDueNanos;
    private boolean awaitingPong;
    private boolean stopped;

    Heartbeat(EngineSession session, EngineIoOptions options) {
        this.session = session;
        this.intervalNanos = options.pingInterval().toNanos();
        this.timeoutNanos = options.pingTimeout().toNanos();
    }

    void start(long nowNanos) {
        pingDueNanos = nowNanos + intervalNanos;
        schedule(intervalNanos);
    }

    /** On the timer thread: hands the tick to the session. */
    @Override
    public void run(Timeout fired) {
        session.executor().execute(() -> tick(fired));
    }

    private void tick(Timeout fired) {
        if (stopped || fired != timeout) {
            return;
        }
        long now = System.nanoTime();
        if (expired(now)) {
            session.pingTimedOut();
        } else if (!awaitingPong) {
            awaitingPong = true;
            session.sendPing();
            schedule(Math.max(pingDueNanos + timeoutNanos - now, 0));
        } else {
            schedule(Math.max(session.lastPacketNanos() + timeoutNanos - now, 0));
        }
    }

    /** Whether the client let the ping deadline pass in silence. */
    boolean expired(long nowNanos) {
        return !stopped && nowNanos - (pingDueNanos + timeoutNanos) >= 0
                && nowNanos - session.lastPacketNanos() >= timeoutNanos;
    }

    void pongReceived(long nowNanos) {
        if (stopped || !awaitingPong) {
            return;
        }
        awaitingPong = false;
        timeout.cancel();
        pingDueNanos = nowNanos + intervalNanos;
        schedule(intervalNanos);
    }

    void stop() {
        stopped = true;
        if (timeout != null) {
            timeout.cancel();
            timeout = null;
        }
    }

    private void schedule(long nanos) {
        timeout = session.timer().newTimeout(this, nanos, TimeUnit.NANOSECONDS);
    }
}
