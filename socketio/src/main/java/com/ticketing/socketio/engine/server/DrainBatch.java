package com.ticketing.socketio.engine.server;

import io.netty.util.concurrent.EventExecutor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sessions of one event loop that have packets to write: a broadcast to thousands of sessions
 * costs one task on each loop, not one per session, and each session's drain writes everything it
 * was given since the last one and flushes once (the reason Netty's flush consolidation exists).
 */
final class DrainBatch implements Runnable {

    private final EventExecutor loop;
    private final Queue<EngineSession> sessions = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    DrainBatch(EventExecutor loop) {
        this.loop = loop;
    }

    /** Adds a session to drain; the first since the last run schedules the run on the loop. */
    void add(EngineSession session) {
        sessions.add(session);
        schedule();
    }

    /** Adds a session to drain without scheduling: the caller schedules once it has added them all. */
    void hold(EngineSession session) {
        sessions.add(session);
    }

    void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    @Override
    public void run() {
        scheduled.set(false);
        EngineSession session;
        while ((session = sessions.poll()) != null) {
            session.drain(); // on this loop and idle, the session's executor runs it right here
        }
    }
}
