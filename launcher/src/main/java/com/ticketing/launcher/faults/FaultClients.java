package com.ticketing.launcher.faults;

import com.ticketing.launcher.JsonLinesProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite's clients: official {@code socket.io-client} sockets in one Node process
 * ({@code bench/fault-clients.mjs}), following listings and messaging each other, counting what they receive.
 */
final class FaultClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** What the sockets received, judged against what was accepted. */
    record Check(long updatesExpected, long updatesLost, long updatesDuplicated, long updatesOutOfOrder,
                 long socketsWithLoss, long messagesAcked, long messagesLost, long messagesDuplicated,
                 long messagesOutOfOrder, long reconnects, long recovered, long fresh, long longestPauseMs,
                 String longestPauseAt, Optional<Pause> longestPause, String reconnected, String retries, String refused,
                 List<String> ackedIds) {
    }

    /** The longest time a socket waited for its next update: whose listing, from when to when. */
    record Pause(String listingId, Instant from, Instant to) {
    }

    /** How far delivery has got: sockets holding their listing's final version, acked messages delivered. */
    record Progress(int sockets, int current, long acked, long delivered) {
        boolean complete() {
            return current == sockets && delivered == acked;
        }
    }

    private final JsonLinesProcess node;
    private final String run;

    private FaultClients(JsonLinesProcess node, String run) {
        this.node = node;
        this.run = run;
    }

    /**
     * Connects {@code sockets} sockets, socket i following listing i mod the list, pairs of sockets taking the
     * {@code urls} in turn; fails if any did not connect.
     */
    static FaultClients connect(Path benchDir, Path log, String jwtSecret, List<String> urls, String run, int sockets,
                                List<String> listings) throws IOException {
        FaultClients clients = new FaultClients(JsonLinesProcess.start(
                List.of("node", benchDir.resolve("fault-clients.mjs").toString()),
                Map.of("TICKETING_JWT_SECRET", jwtSecret), log), run); // the clients sign their own tokens
        try {
            JsonNode connected = clients.node.call(Map.of("cmd", "connect", "urls", urls, "run", run, "sockets", sockets,
                    "listings", listings), CONNECT_TIMEOUT);
            if (connected.get("failed").asInt() > 0) {
                throw new IllegalStateException(connected.get("failed").asInt() + " of " + sockets
                        + " sockets could not connect: " + connected.get("errors"));
            }
            return clients;
        } catch (RuntimeException e) {
            clients.close(); // the Node process goes with the failure
            throw e;
        }
    }

    String user(int index) {
        return run + "-u" + index;
    }

    void startSending(int perSecond) {
        node.call(Map.of("cmd", "send", "rate", perSecond, "run", run), COMMAND_TIMEOUT);
    }

    /**
     * Stops starting sends; returns once every started one was acked (or refused for good), at most
     * {@code timeout}: how many are still unanswered then.
     */
    int stopSending(Duration timeout) {
        return node.call(Map.of("cmd", "stopSending", "timeoutMs", timeout.toMillis()), timeout.plus(COMMAND_TIMEOUT))
                .get("pending").asInt();
    }

    Progress progress(Map<String, Long> finalVersions) {
        JsonNode answer = node.call(Map.of("cmd", "progress", "final", finalVersions), COMMAND_TIMEOUT);
        return new Progress(answer.get("sockets").asInt(), answer.get("current").asInt(), answer.get("acked").asLong(),
                answer.get("delivered").asLong());
    }

    /** The current Socket.IO id of each of {@code users}' sockets. */
    Map<String, String> socketIds(List<String> users) {
        JsonNode answer = node.call(Map.of("cmd", "socketIds", "users", users), COMMAND_TIMEOUT);
        Map<String, String> ids = new LinkedHashMap<>();
        answer.properties().forEach(entry -> ids.put(entry.getKey(), entry.getValue().asString(null)));
        return ids;
    }

    /** Judges every socket's receipts: versions {@code from..final} of its listing, each acked message of its sender. */
    Check check(Map<String, Long> finalVersions, long from, long faultAtEpochMillis) {
        JsonNode answer = node.call(Map.of("cmd", "check", "final", finalVersions, "from", from,
                "faultAt", faultAtEpochMillis), COMMAND_TIMEOUT);
        JsonNode updates = answer.get("updates");
        JsonNode messages = answer.get("messages");
        JsonNode sessions = answer.get("sessions");
        JsonNode sends = answer.get("sends");
        List<String> ids = new ArrayList<>();
        answer.get("ackedIds").forEach(id -> ids.add(id.asString()));
        return new Check(updates.get("expected").asLong(), updates.get("lost").asLong(), updates.get("duplicates").asLong(),
                updates.get("outOfOrder").asLong(), updates.get("socketsWithLoss").asLong(),
                messages.get("acked").asLong(), messages.get("lost").asLong(), messages.get("duplicates").asLong(),
                messages.get("outOfOrder").asLong(), sessions.get("connects").asLong(), sessions.get("recovered").asLong(),
                sessions.get("fresh").asLong(), answer.get("longestPause").asLong(), pauseAt(answer.get("longestPauseAt")),
                pause(answer.get("longestPauseAt")),
                reconnected(answer.get("reconnected")), sends.get("retries").toString(), sends.get("refused").toString(), ids);
    }

    private static Optional<Pause> pause(JsonNode at) {
        if (at == null || at.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new Pause(at.get("listingId").asString(), Instant.parse(at.get("from").asString()),
                Instant.parse(at.get("to").asString())));
    }

    /**
     * "listing L, from T1 to T2 (UTC), a socket that kept its connection, on websocket; 10 of the listing's 10 sockets
     * received nothing in it either", or "" when no socket received anything after the fault.
     */
    private static String pauseAt(JsonNode at) {
        if (at == null || at.isNull()) {
            return "";
        }
        return "listing " + at.get("listingId").asString() + ", " + at.get("from").asString() + " to " + at.get("to").asString()
                + (at.get("moved").asBoolean() ? ", a socket that lost its connection" : ", a socket that kept its connection")
                + (at.get("transport").isNull() ? "" : ", on " + at.get("transport").asString())
                + "; " + at.get("listingSocketsAlsoPaused").asInt() + " of the listing's " + at.get("listingSockets").asInt()
                + " sockets received nothing in it either";
    }

    /**
     * "N sockets connected again p50 X s / max Y s after losing their connection, next update p50 / max after
     * that", or "" when no socket lost its connection after the fault.
     */
    private static String reconnected(JsonNode reconnected) {
        JsonNode reconnect = reconnected.get("reconnect");
        if (reconnect == null || reconnect.isNull()) {
            return "";
        }
        JsonNode firstUpdate = reconnected.get("firstUpdate");
        return String.format("%d sockets connected again p50 %.1f s / max %.1f s after losing their connection",
                reconnect.get("count").asLong(), reconnect.get("p50").asLong() / 1000.0, reconnect.get("max").asLong() / 1000.0)
                + (firstUpdate == null || firstUpdate.isNull() ? "" : String.format(
                ", their next update p50 %.1f s / max %.1f s after that", firstUpdate.get("p50").asLong() / 1000.0,
                firstUpdate.get("max").asLong() / 1000.0));
    }

    @Override
    public void close() {
        node.close();
    }
}
