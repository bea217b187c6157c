package com.ticketing.socketio.engine;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one session one at a time, in submission order, on the session's owner: the
 * event loop of its connection. A task submitted on the owner while nothing is queued runs at once;
 * from any other thread it is handed to the owner. So everything a session does happens on one
 * thread at a time without a lock, and producers on other threads (the Kafka feed, timers) only
 * append.
 *
 * <p>The owner may change once (an upgrade moves the session to the WebSocket's event loop): the
 * drain notices and goes on there, so no two threads ever run the session's tasks in between.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);
    private static final AtomicIntegerFieldUpdater<SerialExecutor> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(SerialExecutor.class, "pending");

    // not Netty's MPSC queue: its chunked array costs kilobytes per idle session
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile EventExecutor owner;
    private volatile int pending;

    /** Runs on whichever thread submits while it is idle (for tests and owner-less sessions). */
    public SerialExecutor() {
        this(ImmediateEventExecutor.INSTANCE);
    }

    public SerialExecutor(EventExecutor owner) {
        this.owner = owner;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (PENDING.getAndIncrement(this) == 0) {
            EventExecutor current = owner;
            if (current.inEventLoop()) {
                drain();
            } else {
                current.execute(this::drain);
            }
        }
    }

    /** The thread's executor that runs the tasks (the connection's event loop). */
    public EventExecutor owner() {
        return owner;
    }

    /** The owner's thread runs the tasks from now on; call from a task of this executor. */
    public void moveTo(EventExecutor next) {
        owner = next;
    }

    private void drain() {
        do {
            EventExecutor current = owner;
            if (!current.inEventLoop()) {
                current.execute(this::drain); // moved: the owner's thread goes on with what is left
                return;
            }
            Runnable next = tasks.poll();
            try {
                next.run();
            } catch (Throwable e) { // an Error too: a task that dies must not stall the session for good
                log.error("Session task failed", e);
            }
        } while (PENDING.decrementAndGet(this) != 0);
    }
}
