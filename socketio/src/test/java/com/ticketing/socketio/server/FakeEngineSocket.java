package com.ticketing.socketio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineIoHandler;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.HandshakeData;
import com.ticketing.socketio.engine.SerialExecutor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An Engine.IO session without a network: what the layer sends is queued for assert-next checks,
 * what the test feeds goes to the handler, and a close is reported back like the engine does.
 */
final class FakeEngineSocket implements EngineSocket {

    /** The handshake every fake session reports. */
    static final HandshakeData HANDSHAKE = new HandshakeData(Map.of("EIO", "4"), Map.of("origin", List.of("http://test")),
            null);

    private static int counter;

    private final String id = "engine-" + (++counter);
    private final EngineIoHandler handler;
    private final BlockingQueue<EngineMessage> sent = new LinkedBlockingQueue<>();
    private final AtomicReference<DisconnectReason> closedWith = new AtomicReference<>();
    private final SerialExecutor executor = new SerialExecutor();
    private volatile String transport = "polling";
    private volatile int unreadLimit = Integer.MAX_VALUE;
    private final List<Runnable> drainedTasks = new CopyOnWriteArrayList<>();

    private FakeEngineSocket(EngineIoHandler handler) {
        this.handler = handler;
    }

    /** A session that completed its handshake. */
    static FakeEngineSocket open(EngineIoHandler handler) {
        FakeEngineSocket socket = new FakeEngineSocket(handler);
        handler.onOpen(socket);
        return socket;
    }

    /** The client sends a text message (the Socket.IO packet, without the Engine.IO type). */
    FakeEngineSocket clientSends(String text) {
        handler.onText(this, text);
        return this;
    }

    FakeEngineSocket clientSendsBinaryBytes(byte[] data) {
        handler.onBinary(this, data);
        return this;
    }

    FakeEngineSocket clientSendsBinary(String content) {
        handler.onBinary(this, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Connects to a namespace and returns the sid of the CONNECT reply. */
    String connect(String namespace) {
        clientSends("/".equals(namespace) ? "0" : "0" + namespace + ",");
        String reply = nextText();
        String prefix = "/".equals(namespace) ? "0{\"sid\":\"" : "0" + namespace + ",{\"sid\":\"";
        assertThat(reply).startsWith(prefix);
        return reply.substring(prefix.length(), prefix.length() + 20);
    }

    /**
     * From now on at most {@code packets} may wait unread (the test reads with {@link #nextText}); a
     * send beyond that drops the session with a transport error, as the engine's outbound limit does.
     */
    FakeEngineSocket limitUnread(int packets) {
        unreadLimit = packets;
        return this;
    }

    void upgrade() {
        transport = "websocket";
    }

    EngineMessage nextMessage() {
        try {
            EngineMessage message = sent.poll(2, TimeUnit.SECONDS);
            if (message == null) {
                fail("nothing was sent to " + id);
            }
            runIfDrained();
            return message;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next text message sent to the client. */
    String nextText() {
        EngineMessage message = nextMessage();
        assertThat(message.isBinary()).as("binary message %s", message).isFalse();
        return message.text();
    }

    /** The next binary message sent to the client. */
    String nextBinary() {
        EngineMessage message = nextMessage();
        assertThat(message.isBinary()).as("text message %s", message).isTrue();
        return new String(message.binary(), StandardCharsets.UTF_8);
    }

    void assertNothingSent() {
        assertThat(sent).isEmpty();
    }

    DisconnectReason closedWith() {
        return closedWith.get();
    }

    /** The engine reports the session gone (the client left, a ping timed out...). */
    void engineCloses(DisconnectReason reason) {
        if (closedWith.compareAndSet(null, reason)) {
            handler.onClose(this, reason);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String transportName() {
        return transport;
    }

    @Override
    public HandshakeData handshake() {
        return HANDSHAKE;
    }

    @Override
    public Executor executor() {
        return executor;
    }

    @Override
    public boolean send(List<EngineMessage> messages) {
        if (closedWith.get() != null) {
            return false;
        }
        if (sent.size() + messages.size() > unreadLimit) {
            engineCloses(DisconnectReason.TRANSPORT_ERROR);
            return false;
        }
        sent.addAll(messages);
        return true;
    }

    /** What waits for a drain runs once the test read everything sent. */
    @Override
    public void whenDrained(Runnable task) {
        drainedTasks.add(task);
        runIfDrained();
    }

    private void runIfDrained() {
        if (!sent.isEmpty() || !isOpen()) {
            return;
        }
        List<Runnable> due = List.copyOf(drainedTasks);
        drainedTasks.removeAll(due);
        due.forEach(executor::execute);
    }

    @Override
    public void close(DisconnectReason reason) {
        engineCloses(reason);
    }

    @Override
    public boolean isOpen() {
        return closedWith.get() == null;
    }
}
