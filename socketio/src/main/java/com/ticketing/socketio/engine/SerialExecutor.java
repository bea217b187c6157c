package com.ticketing.socketio.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one session (or one client) one at a time, in submission order, on whichever
 * thread submitted while it was idle: no thread hop in the common case, never two handlers of a
 * session at once, nothing blocks and no lock is held while a task runs, so a task may send to or
 * close any session, its own included.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() != 0) {
            return; // another thread is draining and will run it
        }
        do {
            Runnable next = tasks.poll();
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("Serial task failed", e);
            }
        } while (pending.decrementAndGet() != 0);
    }
}
