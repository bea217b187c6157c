package com.ticketing.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives real {@code socket.io-client} sockets in one Node process ({@code agent.mjs}) and records
 * what each receives, with assert-next style waits. One agent per test class is plenty.
 */
public final class ClientAgent implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path NODE_PROJECT = Path.of(System.getProperty("node.project", "src/test/node"));

    private final Process node;
    private final OutputStream stdin;
    private final Map<String, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    private final Map<String, Queue<Received>> received = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final StringBuilder stderrTail = new StringBuilder();

    /** One event a client received. */
    public record Received(String event, JsonNode args) {
        /** The first argument. */
        public JsonNode arg() {
            return args.get(0);
        }
    }

    public ClientAgent() throws IOException {
        node = new ProcessBuilder("node", "agent.mjs").directory(NODE_PROJECT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        stdin = node.getOutputStream();
        Thread reader = new Thread(this::readLines, "client-agent-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLines() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode message = JSON.readTree(line);
                if (message.has("reply")) {
                    CompletableFuture<JsonNode> reply = replies.remove(message.get("reply").asString());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else if (message.has("client")) {
                    received.computeIfAbsent(message.get("client").asString(), c -> new ConcurrentLinkedQueue<>())
                            .add(new Received(message.get("event").asString(), message.get("args")));
                }
            }
        } catch (IOException | RuntimeException e) {
            replies.values().forEach(reply -> reply.completeExceptionally(e));
        }
    }

    /** Connects a client named {@code name}; the reply says {@code ok} or carries the refusal message. */
    public Client connect(String name, String url, String token, List<String> transports) {
        return connect(name, url, token, transports, false);
    }

    /** With {@code reconnect}, the client reconnects by itself as an application's would, resuming when it can. */
    public Client connect(String name, String url, String token, List<String> transports, boolean reconnect) {
        ObjectNode command = command("connect", name);
        command.put("reconnect", reconnect);
        command.put("url", url);
        if (token != null) {
            command.putObject("auth").put("token", token);
        }
        if (transports != null) {
            transports.forEach(command.putArray("transports")::add);
        }
        JsonNode reply = send(command, Duration.ofSeconds(20));
        return new Client(name, reply.get("ok").asBoolean(), reply.path("message").asString(null),
                reply.path("socketId").asString(null));
    }

    private ObjectNode command(String op, String client) {
        ObjectNode command = JSON.createObjectNode();
        command.put("op", op);
        command.put("id", "c" + ids.incrementAndGet());
        command.put("client", client);
        return command;
    }

    private JsonNode send(ObjectNode command, Duration timeout) {
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(command.get("id").asString(), reply);
        try {
            synchronized (stdin) {
                stdin.write((JSON.writeValueAsString(command) + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("agent did not answer " + command + ": " + e, e);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            send(command("exit", "-"), Duration.ofSeconds(5));
        } catch (AssertionError ignored) {
            // the process is ending anyway
        }
        if (!node.waitFor(5, TimeUnit.SECONDS)) {
            node.destroyForcibly();
        }
    }

    /** One socket of the agent. */
    public final class Client {
        private final String name;
        private final boolean connected;
        private final String refusal;
        private final String socketId;

        Client(String name, boolean connected, String refusal, String socketId) {
            this.name = name;
            this.connected = connected;
            this.refusal = refusal;
            this.socketId = socketId;
        }

        public boolean connected() {
            return connected;
        }

        /** The {@code connect_error} message when the connection was refused. */
        public String refusal() {
            return refusal;
        }

        public String socketId() {
            return socketId;
        }

        /** Emits with an acknowledgement and returns the first argument of the answer. */
        public JsonNode emitWithAck(String event, Object... args) {
            ObjectNode command = command("emit", name);
            command.put("event", event);
            command.put("ack", true);
            var array = command.putArray("args");
            for (Object arg : args) {
                array.add(JSON.valueToTree(arg));
            }
            JsonNode reply = send(command, Duration.ofSeconds(15));
            if (!reply.get("ok").asBoolean()) {
                throw new AssertionError(event + " was not acknowledged: " + reply);
            }
            return reply.get("ack").get(0);
        }

        /** Emits {@code event} once per argument without waiting in between; returns every ack's first argument. */
        public List<JsonNode> burstWithAck(String event, List<Object> argumentPerEmit) {
            ObjectNode command = command("burst", name);
            command.put("event", event);
            var list = command.putArray("argsList");
            argumentPerEmit.forEach(arg -> list.addArray().add(JSON.valueToTree(arg)));
            JsonNode reply = send(command, Duration.ofSeconds(30));
            List<JsonNode> acks = new java.util.ArrayList<>();
            reply.get("acks").forEach(acks::add);
            return acks;
        }

        /** Emits without an acknowledgement. */
        public void emit(String event, Object... args) {
            ObjectNode command = command("emit", name);
            command.put("event", event);
            var array = command.putArray("args");
            for (Object arg : args) {
                array.add(JSON.valueToTree(arg));
            }
            send(command, Duration.ofSeconds(5));
        }

        /** The transport the client uses now. */
        public String transport() {
            return send(command("transport", name), Duration.ofSeconds(5)).path("transport").asString(null);
        }

        public void disconnect() {
            send(command("disconnect", name), Duration.ofSeconds(5));
        }

        /** Closes the transport under the socket, as a network drop would; a reconnecting client comes back. */
        public void cut() {
            send(command("cut", name), Duration.ofSeconds(5));
        }

        /** Closes the transport under the socket as {@link #cut} does, but the client stays away until {@link #comeBack}. */
        public void goAway() {
            send(command("away", name), Duration.ofSeconds(5));
        }

        /** The client that went away reconnects, resuming its session if the server can. */
        public void comeBack() {
            send(command("back", name), Duration.ofSeconds(5));
        }

        /** Waits for the next received {@code event} matching {@code filter}, removing it and those before it. */
        public Received awaitEvent(String event, Predicate<JsonNode> filter, Duration timeout) {
            Queue<Received> queue = received.computeIfAbsent(name, c -> new ConcurrentLinkedQueue<>());
            Received[] found = new Received[1];
            await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
                for (Received candidate : queue) {
                    if (candidate.event().equals(event) && filter.test(candidate.arg())) {
                        found[0] = candidate;
                        return true;
                    }
                }
                return false;
            });
            queue.remove(found[0]);
            return found[0];
        }

        public Received awaitEvent(String event, Duration timeout) {
            return awaitEvent(event, any -> true, timeout);
        }

        /** Every {@code event} received so far (kept). */
        public List<Received> receivedSoFar(String event) {
            return received.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream()
                    .filter(r -> r.event().equals(event)).toList();
        }
    }
}
