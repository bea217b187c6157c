package com.ticketing.socketio.engine.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WebSocket link that records frames by reference and can pretend its socket is slow. */
final class FakeWebSocketLink implements WebSocketLink {

    final List<byte[]> frames = new CopyOnWriteArrayList<>();
    volatile int backlog;
    volatile boolean closed;

    @Override
    public void sendText(byte[] utf8) {
        frames.add(utf8);
    }

    @Override
    public void sendBinary(byte[] data) {
        frames.add(data);
    }

    @Override
    public int pendingFrames() {
        return backlog;
    }

    @Override
    public long pendingBytes() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
