package com.ticketing.socketio.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineIoHandler;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Engine.IO handler that records every call in order and, when echoing, sends every message back.
 */
public final class RecordingHandler implements EngineIoHandler {

    /** One handler call. */
    public record Event(String kind, EngineSocket socket, String text, byte[] data, DisconnectReason reason) {
        @Override
        public String toString() {
            String shown = text == null || text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
            return kind + "(" + socket.id() + (text != null ? ", " + shown : "")
                    + (data != null ? ", " + Arrays.toString(data) : "") + (reason != null ? ", " + reason : "") + ")";
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final boolean echo;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Map<String, AtomicInteger> closes = new ConcurrentHashMap<>();
    private final AtomicInteger concurrentCalls = new AtomicInteger();
    private volatile boolean overlapped;

    public RecordingHandler(boolean echo) {
        this.echo = echo;
    }

    @Override
    public void onOpen(EngineSocket socket) {
        record(new Event("open", socket, null, null, null));
    }

    @Override
    public void onText(EngineSocket socket, String text) {
        record(new Event("text", socket, text, null, null));
        if (echo) {
            socket.send(EngineMessage.text(text));
        }
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
        record(new Event("binary", socket, null, data, null));
        if (echo) {
            socket.send(EngineMessage.binary(data));
        }
    }

    @Override
    public void onClose(EngineSocket socket, DisconnectReason reason) {
        closes.computeIfAbsent(socket.id(), id -> new AtomicInteger()).incrementAndGet();
        record(new Event("close", socket, null, null, reason));
    }

    private void record(Event event) {
        if (concurrentCalls.incrementAndGet() > 1) {
            overlapped = true;
        }
        events.add(event);
        concurrentCalls.decrementAndGet();
    }

    public Event next() {
        try {
            Event event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("no handler call within " + WAIT);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public EngineSocket assertNextOpen() {
        Event event = next();
        assertThat(event.kind()).as("event %s", event).isEqualTo("open");
        return event.socket();
    }

    public void assertNextText(String text) {
        Event event = next();
        assertThat(event.kind()).as("event %s", event).isEqualTo("text");
        assertThat(event.text()).isEqualTo(text);
    }

    public void assertNextBinary(byte[] data) {
        Event event = next();
        assertThat(event.kind()).as("event %s", event).isEqualTo("binary");
        assertThat(event.data()).isEqualTo(data);
    }

    public EngineSocket assertNextClose(DisconnectReason reason) {
        Event event = next();
        assertThat(event.kind()).as("event %s", event).isEqualTo("close");
        assertThat(event.reason()).isEqualTo(reason);
        return event.socket();
    }

    public void assertNoMoreEvents() {
        assertThat(events).as("unexpected handler calls").isEmpty();
    }

    /** How often onClose was called for the session. */
    public int closeCount(String sid) {
        AtomicInteger count = closes.get(sid);
        return count == null ? 0 : count.get();
    }

    public boolean callsOverlapped() {
        return overlapped;
    }
}
