package com.ticketing.socketio.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw WebSocket client (JDK) that queues what it receives: text frames as strings, binary frames
 * as byte arrays, and the close as a {@link Closed}.
 */
public final class WebSocketClient implements WebSocket.Listener, AutoCloseable {

    /** The server closed the connection with this status. */
    public record Closed(int status, String reason) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private final WebSocket socket;

    private WebSocketClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this).join();
    }

    public static WebSocketClient connect(URI uri) {
        return new WebSocketClient(uri);
    }

    /** Connecting fails (the upgrade is refused with an HTTP error). */
    public static Throwable connectFailure(URI uri) {
        try {
            new WebSocketClient(uri).close();
            return fail("upgrade to %s was accepted", uri);
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    public void send(String frame) {
        socket.sendText(frame, true).join();
    }

    public void send(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
    }

    public Object next() {
        try {
            Object item = received.poll(5, TimeUnit.SECONDS);
            if (item == null) {
                fail("nothing received within 5 s");
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public String nextText() {
        Object item = next();
        assertThat(item).isInstanceOf(String.class);
        return (String) item;
    }

    public byte[] nextBinary() {
        Object item = next();
        assertThat(item).isInstanceOf(byte[].class);
        return (byte[]) item;
    }

    public Closed nextClose() {
        Object item = next();
        assertThat(item).as("expected close, got %s", item).isInstanceOf(Closed.class);
        return (Closed) item;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(text.toString());
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            received.add(binary.toByteArray());
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.add(new Closed(statusCode, reason));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.add(new Closed(-1, String.valueOf(error)));
    }

    /**
     * Closes normally and waits (briefly) for the server's answering close before dropping the
     * connection: an abort that overtook the close frame would look like a transport error to the server.
     */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
            try {
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                        .pollInterval(java.time.Duration.ofMillis(5)).until(socket::isInputClosed);
            } catch (org.awaitility.core.ConditionTimeoutException serverDidNotAnswer) {
                // drop it anyway
            }
        }
        socket.abort();
    }

    /** Closes normally from the client side, waiting for the close frame to go out. */
    public void closeNormally() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
}
