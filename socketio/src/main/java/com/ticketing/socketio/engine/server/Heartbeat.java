package com.ticketing.socketio.engine.server;

import io.netty.util.Timeout;
import io.netty.util.TimerTask;
import java.util.concurrent.TimeUnit;

/**
 * The v4 heartbeat of one session on the server's shared timer: a ping every {@code pingInterval}
 * after the last pong, and "ping timeout" when no pong (nor any other packet, as the reference
 * accepts) arrives within {@code pingTimeout} of the ping.
 */
final class Heartbeat implements TimerTask {

    private final EngineSession session;
    private Timeout timeout;
    private boolean awaitingPong;
    private boolean stopped;

    Heartbeat(EngineSession session) {
        this.session = session;
    }

    synchronized void start() {
        schedule(session.options().pingInterval().toNanos());
    }

    @Override
    public void run(Timeout fired) {
        boolean sendPing = false;
        boolean expired = false;
        synchronized (this) {
            if (stopped || fired != timeout) {
                return;
            }
            long timeoutNanos = session.options().pingTimeout().toNanos();
            if (!awaitingPong) {
                awaitingPong = true;
                sendPing = true;
                schedule(timeoutNanos);
            } else {
                long silent = System.nanoTime() - session.lastPacketNanos();
                if (silent < timeoutNanos) {
                    schedule(timeoutNanos - silent);
                } else {
                    expired = true;
                }
            }
        }
        if (sendPing) {
            session.sendPing();
        } else if (expired) {
            session.pingTimedOut();
        }
    }

    synchronized void pongReceived() {
        if (stopped || !awaitingPong) {
            return;
        }
        awaitingPong = false;
        timeout.cancel();
        schedule(session.options().pingInterval().toNanos());
    }

    synchronized void stop() {
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
