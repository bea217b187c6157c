package com.ticketing.launcher.bench;

import com.ticketing.launcher.JsonLinesProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The load generator: several Node processes running {@code bench/load-worker.mjs}, each holding a
 * share of the sockets (socket i goes to worker i mod workers), driven with one JSON command per line.
 */
final class LoadGenerator implements AutoCloseable {

    static final String USER_PREFIX = "bench-u";
    static final String LISTING_PREFIX = "bench-lst-";
    /** Handshakes in flight over all workers: enough to connect quickly, few enough not to be a flood. */
    private static final int PARALLEL_HANDSHAKES = 200;
    /** Source addresses 127.0.0.2 and up, so no one address holds many sessions before CONNECT. */
    private static final int SOURCE_ADDRESSES = 16;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    /** How connecting went. */
    record Connected(int connected, int failed, Map<String, Integer> errors, Duration took) {
    }

    /** What the sockets received of one load point. */
    record Receipts(long expected, long unique, long inWindow, long duplicates, long stale, long closed,
                    Latencies latencies, Latencies stormedLatencies) {

        long lost() {
            return expected - unique;
        }
    }

    private final List<JsonLinesProcess> workers;

    private LoadGenerator(List<JsonLinesProcess> workers) {
        this.workers = workers;
    }

    /** Starts {@code count} workers from {@code benchDir}, their errors logged to {@code logDir/load-worker-N.log}. */
    static LoadGenerator start(Path benchDir, int count, Path logDir) throws IOException {
        List<JsonLinesProcess> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workers.add(JsonLinesProcess.start(List.of("node", benchDir.resolve("load-worker.mjs").toString()),
                    logDir.resolve("load-worker-" + i + ".log")));
        }
        return new LoadGenerator(workers);
    }

    /** Opens {@code sockets} sockets to {@code url}, one user each; subscribed to listing i mod listings if asked. */
    Connected connect(String url, int sockets, int listings, boolean subscribe) {
        long began = System.nanoTime();
        List<JsonLinesProcess.Answer> pending = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("cmd", "connect");
            command.put("url", url);
            command.put("first", i);
            command.put("step", workers.size());
            command.put("count", sockets);
            command.put("listings", listings);
            command.put("listingPrefix", LISTING_PREFIX);
            command.put("userPrefix", USER_PREFIX);
            command.put("subscribe", subscribe);
            command.put("parallel", Math.max(1, PARALLEL_HANDSHAKES / workers.size()));
            command.put("sourceAddresses", SOURCE_ADDRESSES);
            pending.add(workers.get(i).send(command));
        }
        List<JsonNode> answers = pending.stream().map(answer -> answer.await(CONNECT_TIMEOUT)).toList();
        Map<String, Integer> errors = new TreeMap<>();
        answers.forEach(answer -> answer.get("errors").properties()
                .forEach(error -> errors.merge(error.getKey(), error.getValue().asInt(), Integer::sum)));
        return new Connected((int) sum(answers, "connected"), (int) sum(answers, "failed"), errors,
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** From now on, count versions {@code from..to} of each socket's listing. */
    void begin(long from, long to) {
        all(Map.of("cmd", "begin", "from", from, "to", to));
    }

    /** Ends the publishing window; answers how many deliveries arrived inside it. */
    long markWindowEnd() {
        return sum(all(Map.of("cmd", "mark")), "inWindow");
    }

    /** Deliveries of the current point received so far (each socket and version once). */
    long received() {
        return sum(all(Map.of("cmd", "status")), "unique");
    }

    /** Sockets open now. */
    int open() {
        return (int) sum(all(Map.of("cmd", "status")), "open");
    }

    /** The figures of the current point; counting stops. */
    Receipts end() {
        List<JsonNode> answers = all(Map.of("cmd", "end"));
        Latencies latencies = new Latencies();
        Latencies stormed = new Latencies();
        answers.forEach(answer -> {
            answer.get("latencies").forEach(bucket -> latencies.add(bucket.get(0).asInt(), bucket.get(1).asLong()));
            answer.path("stormedLatencies").forEach(bucket -> stormed.add(bucket.get(0).asInt(), bucket.get(1).asLong()));
        });
        return new Receipts(sum(answers, "expected"), sum(answers, "unique"), sum(answers, "inWindow"),
                sum(answers, "duplicates"), sum(answers, "stale"), sum(answers, "closed"), latencies, stormed);
    }

    /** What a reconnect storm did: sockets dropped, resumed, resumed with their session, and the time each took. */
    record Storm(long dropped, long resumed, long recovered, Latencies took, Map<String, Integer> errors, Duration lasted) {
    }

    /** Drops {@code share} of every worker's sockets at once and reconnects them all at once with their pid and offset. */
    Storm storm(String url, double share) {
        long began = System.nanoTime();
        List<JsonLinesProcess.Answer> pending = workers.stream()
                .map(worker -> worker.send(Map.of("cmd", "storm", "share", share, "url", url, "parallel", 100_000))).toList();
        List<JsonNode> answers = pending.stream().map(answer -> answer.await(CONNECT_TIMEOUT)).toList();
        Latencies took = new Latencies();
        Map<String, Integer> errors = new TreeMap<>();
        answers.forEach(answer -> {
            answer.get("took").forEach(ms -> took.add(ms.asInt(), 1));
            answer.get("errors").properties().forEach(error -> errors.merge(error.getKey(), error.getValue().asInt(), Integer::sum));
        });
        return new Storm(sum(answers, "dropped"), sum(answers, "resumed"), sum(answers, "recovered"), took, errors,
                Duration.ofNanos(System.nanoTime() - began));
    }

    /** CPU the workers have used so far, in clock ticks. */
    long cpuTicks() {
        return workers.stream().mapToLong(worker -> ProcStats.cpuTicks(worker.pid())).sum();
    }

    int size() {
        return workers.size();
    }

    /** Closes every socket and ends the workers (they stop when their input closes). */
    @Override
    public void close() {
        workers.forEach(JsonLinesProcess::close);
    }

    private List<JsonNode> all(Map<String, Object> command) {
        List<JsonLinesProcess.Answer> pending = workers.stream().map(worker -> worker.send(command)).toList();
        return pending.stream().map(answer -> answer.await(COMMAND_TIMEOUT)).toList();
    }

    private static long sum(List<JsonNode> answers, String field) {
        return answers.stream().mapToLong(answer -> answer.get(field).asLong()).sum();
    }
}
