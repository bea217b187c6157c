package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket link without a network, on the calling thread: it records the messages written and
 * those flushed, and can pretend its client stopped reading.
 */
final class FakeWebSocketLink implements WebSocketLink {

    private final List<EngineMessage> unflushed = new ArrayList<>();
    final List<EngineMessage> flushed = new CopyOnWriteArrayList<>();
    volatile int flushes;
    volatile boolean writable = true;
    volatile long pendingBytes;
    volatile boolean closed;
    volatile boolean aborted;
    private volatile Runnable writableListener;

    @Override
    public EventExecutor eventLoop() {
        return ImmediateEventExecutor.INSTANCE;
    }

    @Override
    public synchronized void write(EngineMessage message) {
        unflushed.add(message);
    }

    @Override
    public synchronized void flush() {
        flushed.addAll(unflushed);
        unflushed.clear();
        flushes++;
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public long pendingWriteBytes() {
        return pendingBytes;
    }

    @Override
    public void onWritable(Runnable listener) {
        writableListener = listener;
    }

    /** The client reads again. */
    void becomeWritable() {
        writable = true;
        writableListener.run();
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void abort() {
        aborted = true;
    }

    /** The text of every frame flushed, as the client receives it. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (EngineMessage message : flushed) {
            texts.add(frameText(message));
        }
        return texts;
    }

    /** The payload of a message's shared WebSocket frame, as text. */
    static String frameText(EngineMessage message) {
        ByteBuffer frame = message.webSocketFrame().duplicate();
        int length = frame.get(1) & 0x7f;
        int header = length < 126 ? 2 : length == 126 ? 4 : 10;
        frame.position(header);
        byte[] payload = new byte[frame.remaining()];
        frame.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
