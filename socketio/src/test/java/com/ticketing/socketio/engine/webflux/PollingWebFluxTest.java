package com.ticketing.socketio.engine.webflux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;
import com.ticketing.socketio.engine.server.EngineIoOptions;
import com.ticketing.socketio.engine.testing.PollingClient;
import com.ticketing.socketio.engine.testing.RecordingHandler;
import com.ticketing.socketio.engine.testing.TestEngineServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PollingWebFluxTest {

    TestEngineServer server;
    PollingClient client;
    RecordingHandler handler;
    String sid;

    @BeforeEach
    void openSession() {
        server = new TestEngineServer(EngineIoOptions.defaults()
                .withHeartbeat(Duration.ofSeconds(20), Duration.ofSeconds(20)).withMaxPayload(1000));
        client = new PollingClient(server);
        handler = server.handler();
        sid = client.handshake();
        handler.assertNextOpen();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postedTextMessageReachesHandlerAndEchoComesBackOnNextPoll() {
        HttpResponse<String> post = client.push(sid, "4hello");

        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.body()).isEqualTo("ok");
        assertThat(post.headers().firstValue("Content-Type")).hasValue("text/html");
        handler.assertNextText("hello");
        HttpResponse<String> poll = client.poll(sid);
        assertThat(poll.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
        assertThat(poll.body()).isEqualTo("4hello");
    }

    @Test
    void payloadWithSeveralPacketsIsDeliveredInOrderAndFlushedAsOnePayload() {
        client.push(sid, "4hello\u001e4world\u001ebAQIDBA==");

        handler.assertNextText("hello");
        handler.assertNextText("world");
        handler.assertNextBinary(new byte[] {1, 2, 3, 4});
        assertThat(client.poll(sid).body()).isEqualTo("4hello\u001e4world\u001ebAQIDBA==");
    }

    @Test
    void binaryMessageOnPollingIsBase64WithBPrefix() {
        client.push(sid, "bAQID");

        handler.assertNextBinary(new byte[] {1, 2, 3});
        assertThat(client.poll(sid).body()).isEqualTo("bAQID");
    }

    @Test
    void unicodeTextIsUtf8OnTheWire() {
        client.push(sid, "4€ 😀");

        handler.assertNextText("€ 😀");
        assertThat(client.poll(sid).body()).isEqualTo("4€ 😀");
    }

    @Test
    void pendingPollIsAnsweredWhenServerSends() {
        CompletableFuture<HttpResponse<String>> poll = client.pollAsync(sid);
        EngineSocket socket = server.engine().session(sid);
        await().until(() -> socket.send(EngineMessage.text("late")) && poll.isDone());

        assertThat(poll.join().body()).isEqualTo("4late");
    }

    @Test
    void bodyAboveMaxPayloadIsAnswered413AndClosesSession() {
        HttpResponse<String> post = client.push(sid, "4" + "x".repeat(1000));

        assertThat(post.statusCode()).isEqualTo(413);
        handler.assertNextClose(DisconnectReason.PAYLOAD_TOO_LARGE);
        assertThat(client.poll(sid).statusCode()).isEqualTo(400);
    }

    @Test
    void secondConcurrentPollClosesSessionWithTransportError() {
        CompletableFuture<HttpResponse<String>> first = client.pollAsync(sid);
        await().until(() -> pollIsPending(first));

        HttpResponse<String> second = client.poll(sid);

        assertThat(second.statusCode()).isEqualTo(400);
        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
        assertThat(first.join().body()).isEqualTo("1");
        assertThat(handler.closeCount(sid)).isEqualTo(1);
    }

    @Test
    void closePacketFromClientEndsPendingPollWithNoopAndClosesSession() {
        CompletableFuture<HttpResponse<String>> pending = client.pollAsync(sid);
        await().until(() -> pollIsPending(pending));

        assertThat(client.push(sid, "1").statusCode()).isEqualTo(200);

        assertThat(pending.join().body()).isEqualTo("6");
        handler.assertNextClose(DisconnectReason.TRANSPORT_CLOSE);
        assertThat(client.poll(sid).statusCode()).isEqualTo(400);
    }

    @Test
    void malformedPacketClosesSessionWithParseError() {
        client.push(sid, "4ok\u001e9oops");

        handler.assertNextText("ok");
        handler.assertNextClose(DisconnectReason.PARSE_ERROR);
    }

    @Test
    void binaryBodyIsRefusedAsV4SendsBase64() {
        HttpResponse<String> post = client.send(client.request("EIO=4&transport=polling&sid=" + sid)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2})).build());

        assertThat(post.statusCode()).isEqualTo(400);
        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
    }

    @Test
    void closeFromAboveDeliversQueuedMessagesAndClosePacketOnNextPoll() {
        EngineSocket socket = server.engine().session(sid);
        socket.send(EngineMessage.text("bye"));
        socket.close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);

        handler.assertNextClose(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
        assertThat(socket.isOpen()).isFalse();
        assertThat(socket.send(EngineMessage.text("too late"))).isFalse();
        assertThat(client.poll(sid).body()).isEqualTo("4bye\u001e1");
        assertThat(client.poll(sid).statusCode()).isEqualTo(400);
        assertThat(server.engine().sessionCount()).isZero();
    }

    @Test
    void pollAbandonedByClientClosesSessionWithTransportError() throws Exception {
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.port())) {
            raw.getOutputStream().write(("GET " + TestEngineServer.PATH + "?EIO=4&transport=polling&sid=" + sid
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            raw.getOutputStream().flush();
            await().until(() -> server.engine().session(sid).hasPendingPoll());
        }

        handler.assertNextClose(DisconnectReason.TRANSPORT_ERROR);
    }

    @Test
    void serverShutdownClosesEverySessionOnce() {
        String other = client.handshake();
        handler.assertNextOpen();

        server.engine().close();

        EngineSocket a = handler.assertNextClose(DisconnectReason.SERVER_SHUTTING_DOWN);
        EngineSocket b = handler.assertNextClose(DisconnectReason.SERVER_SHUTTING_DOWN);
        assertThat(java.util.Set.of(a.id(), b.id())).containsExactlyInAnyOrder(sid, other);
        assertThat(server.engine().sessionCount()).isZero();
        assertThat(client.get("EIO=4&transport=polling").statusCode()).isEqualTo(400);
        handler.assertNoMoreEvents();
    }

    /** A poll is pending once the server holds it unanswered. */
    private boolean pollIsPending(CompletableFuture<HttpResponse<String>> poll) {
        return !poll.isDone() && server.engine().session(sid) != null && server.engine().session(sid).hasPendingPoll();
    }
}
