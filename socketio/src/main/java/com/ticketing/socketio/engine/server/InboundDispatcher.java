package com.ticketing.socketio.engine.server;

import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one session's handler calls one at a time in submission order, on whichever thread submits
 * while none is running; never blocks and never holds a lock while a handler runs, so a handler may
 * send to or close any session, its own included.
 */
final class InboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(InboundDispatcher.class);

    private ArrayDeque<Runnable> waiting;
    private boolean running;

    void dispatch(Runnable call) {
        synchronized (this) {
            if (running) {
                if (waiting == null) {
                    waiting = new ArrayDeque<>(4);
                }
                waiting.add(call);
                return;
            }
            running = true;
        }
        Runnable next = call;
        while (next != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                log.warn("Engine.IO handler failed", e);
            }
            synchronized (this) {
                next = waiting == null ? null : waiting.poll();
                if (next == null) {
                    waiting = null;
                    running = false;
                }
            }
        }
    }
}
