package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.launcher.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 13 on a gateway with a small heap: forty sockets, none with a token, each sending
 * Socket.IO BINARY_EVENT headers of almost 1 MB ({@code [{},{},...]}, which a decoder that parses and keeps
 * them until their attachments arrive holds as about 29 MB of JSON tree each) and never the attachment,
 * again and again. The gateway must refuse them before CONNECT, stay up, and let an ordinary client in.
 */
class PreAuthFloodE2eTest {

    private static final int ATTACKERS = 40;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final E2eStack stack = E2eStack.get();

    @Test
    void fortyTokenlessSocketsSendingHugeBinaryHeadersLeaveASmallHeapGatewayUpAndOpen() throws Exception {
        ServiceProcess gateway = stack.gatewayWith("gateway-small-heap",
                List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"));
        String header = binaryEventHeader(990_000);
        URI engine = URI.create("ws://localhost:" + gateway.port() + "/socket.io/?EIO=4&transport=websocket");
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicLong headersSent = new AtomicLong();
        AtomicLong closedByServer = new AtomicLong();
        AtomicLong handshakesRefused = new AtomicLong();
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        long began = System.nanoTime();
        for (int i = 0; i < ATTACKERS; i++) {
            attackers.submit(() -> {
                while (flooding.get()) {
                    attack(http, engine, header, headersSent, closedByServer, handshakesRefused);
                }
            });
        }
        try (ClientAgent agent = new ClientAgent()) {
            Awaitility.await().atMost(WAIT).until(() -> {
                assertThat(gateway.isAlive()).as("the gateway is still running (its log: %s)", gateway.log()).isTrue();
                return headersSent.get() >= 4L * ATTACKERS;
            });
            long joining = System.nanoTime();
            // Reconnecting as the official client would: an attempt may meet the per-address limit the flood shares.
            List<ClientAgent.Client> attempts = new ArrayList<>();
            Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                ClientAgent.Client client = agent.connect("ordinary-" + attempts.size(),
                        "http://localhost:" + gateway.port(), stack.token("olivia"), List.of("websocket"));
                attempts.add(client);
                return client.connected();
            });
            ClientAgent.Client ordinary = attempts.get(attempts.size() - 1);
            ordinary.awaitEvent("connected", WAIT);
            long joined = System.nanoTime();

            assertThat(gateway.isAlive()).as("the gateway survived the flood").isTrue();
            assertThat(closedByServer.get()).as("the server closed the attackers' sessions").isPositive();
            System.out.printf("pre-auth flood: %d sockets sent %,d headers of %,d bytes in %.1f s; %,d closed by the"
                            + " server, %,d handshakes refused; an ordinary client connected after %d attempt(s),"
                            + " %d ms after the flood was under way%n",
                    ATTACKERS, headersSent.get(), header.length(), (joined - began) / 1e9, closedByServer.get(),
                    handshakesRefused.get(), attempts.size(), (joined - joining) / 1_000_000);
            ordinary.disconnect();
        } finally {
            flooding.set(false);
            attackers.shutdown();
            attackers.awaitTermination(30, TimeUnit.SECONDS);
            gateway.close();
        }
    }

    /** One tokenless WebSocket: a huge header without its attachment, then wait for the server to close it. */
    private static void attack(HttpClient http, URI engine, String header, AtomicLong sent, AtomicLong closed,
                               AtomicLong refused) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.incrementAndGet();
                ended.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.incrementAndGet();
                ended.complete(null);
            }
        };
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(engine, listener).get(20, TimeUnit.SECONDS);
            socket.sendText(header, true).get(20, TimeUnit.SECONDS);
            sent.incrementAndGet();
            ended.get(20, TimeUnit.SECONDS);
            socket.abort();
        } catch (Exception refusedOrGone) {
            refused.incrementAndGet();
        }
    }

    /** An Engine.IO message carrying a Socket.IO BINARY_EVENT with one attachment and a header of about {@code size} bytes. */
    private static String binaryEventHeader(int size) {
        StringBuilder header = new StringBuilder(size + 64).append("451-[\"flood\"");
        while (header.length() < size) {
            header.append(",{}");
        }
        return header.append(",{\"_placeholder\":true,\"num\":0}]").toString();
    }
}
