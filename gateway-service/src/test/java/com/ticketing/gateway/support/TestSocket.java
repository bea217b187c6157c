package com.ticketing.gateway.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A Socket.IO client for the gateway's integration tests, over one WebSocket (Engine.IO v4, Socket.IO v5,
 * literal wire packets): connects to {@code /} with a token, emits with an acknowledgement, answers pings
 * and records every event it receives, with an Awaitility wait for the next one that matters.
 */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One event the server emitted: its name and arguments. */
    public record Received(String event, JsonNode args) {
        public JsonNode arg() {
            return args.get(0);
        }
    }

    private final CompletableFuture<String> connectReply = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<JsonNode>> acks = new ConcurrentHashMap<>();
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ackIds = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final String token;
    private volatile WebSocket socket;

    private TestSocket(String token) {
        this.token = token;
    }

    /** Connects to the gateway on {@code port} as the token's user; returns once CONNECT is accepted. */
    public static TestSocket connect(int port, String token) throws Exception {
        TestSocket client = new TestSocket(token);
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create("ws://localhost:" + port + "/socket.io/?EIO=4&transport=websocket"), client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String reply = client.connectReply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (!reply.startsWith("40")) {
            client.close();
            throw new IllegalStateException("CONNECT refused: " + reply);
        }
        return client;
    }

    /** Emits {@code event} with {@code args} and an acknowledgement; returns the acknowledgement's first argument. */
    public JsonNode emitWithAck(String event, Object... args) throws Exception {
        int id = ackIds.incrementAndGet();
        CompletableFuture<JsonNode> ack = new CompletableFuture<>();
        acks.put(id, ack);
        ArrayNode packet = JSON.createArrayNode().add(event);
        for (Object arg : args) {
            packet.add(JSON.valueToTree(arg));
        }
        send("42" + id + JSON.writeValueAsString(packet));
        return ack.get(WAIT.toSeconds(), TimeUnit.SECONDS).get(0);
    }

    /** Waits for an event named {@code event} whose first argument matches, and returns it. */
    public Received awaitEvent(String event, Predicate<JsonNode> matches) {
        return await().atMost(WAIT).until(() -> find(event, matches), found -> found != null);
    }

    /** Every event named {@code event} received so far. */
    public List<Received> received(String event) {
        return received.stream().filter(item -> item.event().equals(event)).toList();
    }

    private Received find(String event, Predicate<JsonNode> matches) {
        return received(event).stream().filter(item -> matches.test(item.arg())).findFirst().orElse(null);
    }

    private synchronized void send(String text) {
        socket.sendText(text, true).join(); // one frame at a time: the JDK WebSocket refuses overlapping sends
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket; // before the first frame: the open packet is answered from the listener
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String packet = partial.toString();
            partial.setLength(0);
            take(packet);
        }
        webSocket.request(1);
        return null;
    }

    private void take(String packet) {
        if (packet.startsWith("0")) { // Engine.IO open: now the Socket.IO CONNECT with the token
            send("40" + JSON.writeValueAsString(Map.of("token", token)));
        } else if (packet.equals("2")) {
            send("3");
        } else if (packet.startsWith("40") || packet.startsWith("44")) {
            connectReply.complete(packet);
        } else if (packet.startsWith("42")) {
            JsonNode array = JSON.readTree(packet.substring(packet.indexOf('[')));
            ArrayNode args = JSON.createArrayNode();
            for (int i = 1; i < array.size(); i++) {
                args.add(array.get(i));
            }
            received.add(new Received(array.get(0).asString(), args));
        } else if (packet.startsWith("43")) {
            int bracket = packet.indexOf('[');
            CompletableFuture<JsonNode> ack = acks.remove(Integer.parseInt(packet.substring(2, bracket)));
            if (ack != null) {
                ack.complete(JSON.readTree(packet.substring(bracket)));
            }
        }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        connectReply.completeExceptionally(error);
        acks.values().forEach(ack -> ack.completeExceptionally(error));
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            send("41");
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
