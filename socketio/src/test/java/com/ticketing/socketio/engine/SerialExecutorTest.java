package com.ticketing.socketio.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final SerialExecutor executor = new SerialExecutor();

    @Test
    void idleExecutorRunsTheTaskOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        AtomicBoolean sameThread = new AtomicBoolean();
        executor.execute(() -> sameThread.set(Thread.currentThread() == caller));
        assertThat(sameThread).isTrue();
    }

    @Test
    void taskSubmittedByARunningTaskRunsAfterIt() {
        List<String> order = new CopyOnWriteArrayList<>();
        executor.execute(() -> {
            executor.execute(() -> order.add("inner"));
            order.add("outer");
        });
        assertThat(order).containsExactly("outer", "inner");
    }

    @Test
    void tasksFromManyThreadsNeverOverlapAndAllRun() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicBoolean overlapped = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    executor.execute(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlapped.set(true);
                        }
                        done.incrementAndGet();
                        running.decrementAndGet();
                    });
                }
                finished.countDown();
            }).start();
        }
        finished.await();
        assertThat(overlapped).isFalse();
        assertThat(done).hasValue(40_000);
    }

    @Test
    void failingTaskDoesNotStopTheNextOnes() {
        AtomicBoolean ran = new AtomicBoolean();
        executor.execute(() -> {
            throw new IllegalStateException("boom");
        });
        executor.execute(() -> ran.set(true));
        assertThat(ran).isTrue();
    }

    @Test
    void taskThatThrowsAnErrorDoesNotStallTheTasksAfterIt() {
        AtomicBoolean ran = new AtomicBoolean();
        try {
            executor.execute(() -> {
                throw new StackOverflowError("deep handler");
            });
        } catch (Throwable escaped) {
            // the executor may report it; it must not stop running tasks
        }

        executor.execute(() -> ran.set(true));

        assertThat(ran).isTrue();
    }
}
