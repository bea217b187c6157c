package com.ticketing.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code ./ticketing bench}.
 *
 * @param scenario     which benchmark
 * @param sockets      sockets (fan-out) or idle connections, one user each
 * @param listings     listings the fan-out sockets are spread over (sockets / listings per room)
 * @param rates        offered listing updates per second, one load point each
 * @param seconds      measured time of each load point
 * @param warmup       seconds of updates before the first point, not measured (the JIT warms up)
 * @param servers      which servers to measure, in this order
 * @param gatewayOpts  the gateway's JVM options
 * @param workers      load-generator processes
 * @param clients      requests in flight at once, one load point each (inbox only)
 */
public record BenchOptions(Scenario scenario, int sockets, int listings, List<Integer> rates, int seconds, int warmup,
                           Set<ServerKind> servers, List<String> gatewayOpts, int workers, List<Integer> clients) {

    /**
     * The gateway's JVM options unless {@code --gateway-opts} says otherwise: the setting recommended for
     * production from this benchmark's comparison (see {@code ./ticketing bench --help}).
     */
    public static final String DEFAULT_GATEWAY_OPTS = "-Xms512m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError";

    public static final String USAGE = """
            usage: ./ticketing bench fanout|idle|recovery|messages|inbox [options]

              Starts one embedded Kafka broker, then each server in turn: the gateway
              (gateway-service/target/gateway-service.jar, full JIT) and the reference Node server
              (bench/reference-server.mjs: socket.io 4.8.4 + kafkajs 2.2.4 doing the gateway's fan-out job),
              drives it with raw-WebSocket clients from bench/load-worker.mjs, prints one table, and stops
              everything it started. Traffic stays on 127.0.0.1; nothing is asserted, figures are printed.

              fanout   sockets subscribe to listings (sockets/listings per room); updates are published
                       straight to realtime.listing-updates at each offered rate after a warm-up. Per
                       server and rate: deliveries/s, lost, duplicated, p50/p99 publish->receipt ms,
                       server CPU ms per 1,000 deliveries (and of it the kernel's), server RSS per socket.
              idle     authenticated idle connections (CONNECT answered, production heartbeat 25 s / 20 s):
                       RSS per connection, and for the gateway live heap per connection (jcmd GC.run +
                       GC.heap_info); HISTOGRAM=1 also prints the gateway's top 25 classes.
              recovery a reconnect storm: sockets follow listings while updates flow (the first of --rates),
                       a third into the window half of them lose their connection at once and all reconnect
                       at once with {pid, offset}. Per server: how many resumed, time to the CONNECT reply
                       p50/p99/max, deliveries lost and duplicated over all sockets (replays included), and
                       the live fan-out latency of the sockets that stayed (Node: its in-memory recovery).
              messages direct messages end to end (gateway only; PostgreSQL embedded for the run): pairs of
                       users over bench/message-latency.mjs, one message per sender per second, socket send ->
                       the receiver's message:received, split at the stored createdAt; message-service runs on
                       --gateway-opts too. Per rate: p50/p90/p99 ms, both halves, CPU ms per message.
              inbox    message-service's inbox reads and search (no gateway; PostgreSQL embedded, seeded with
                       message-service/bench/seed-messages.sql: 1,000,000 messages, users with 40 and with
                       10,000 conversations): bench/inbox-load.mjs keeps --clients requests in flight over
                       keep-alive connections. Per request and client count: req/s, p50/p90/p99 ms, CPU ms
                       per request of message-service (on --gateway-opts), of PostgreSQL and of the load
                       generator. Both runs' PostgreSQL: shared_buffers=1GB, synchronous_commit=on.

            options:
              --sockets N          sockets or connections (fanout 5000, idle 15000, recovery 10000)
              --listings N         listings, fanout only (100)
              --rates A,B,...      offered updates/s (fanout: 100,250,500,1000) or messages/s (messages: 200,500,1000)
              --seconds S          measured seconds per rate (15)
              --warmup S           warm-up seconds before the first rate, discarded (90, messages and inbox 60: C2 is still compiling after 20 s here)
              --only gateway|node  measure one server only
              --gateway-opts "..." the gateway's JVM options (%s)
              --workers N          load-generator processes (2)
              --clients A,B,...    inbox: requests in flight at once, one load point each (1,4)

            examples:
              ./ticketing bench fanout
              ./ticketing bench fanout --only gateway --rates 500 --gateway-opts "-Xmx512m -XX:+UseParallelGC"
              ./ticketing bench fanout --only gateway --gateway-opts "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
                                   (the Dockerfile's flags: on a host without a memory limit that heap is huge)
              HISTOGRAM=1 ./ticketing bench idle --sockets 10000
              ./ticketing bench messages --rates 200,1000 --seconds 30
              ./ticketing bench inbox --clients 4 --seconds 20
            Logs: .ticketing-data/bench/logs/
            """.formatted(DEFAULT_GATEWAY_OPTS);

    /** The benchmarks. */
    public enum Scenario { FANOUT, IDLE, RECOVERY, MESSAGES, INBOX }

    public BenchOptions {
        positive("--sockets", sockets, 1_000_000);
        positive("--listings", listings, sockets);
        positive("--seconds", seconds, 3_600);
        positive("--workers", workers, 64);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup must be 0 or more seconds");
        }
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("--rates needs at least one rate");
        }
        rates.forEach(rate -> positive("--rates", rate, 100_000));
        rates = List.copyOf(rates);
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("--clients needs at least one count");
        }
        clients.forEach(count -> positive("--clients", count, 256));
        clients = List.copyOf(clients);
        gatewayOpts = List.copyOf(gatewayOpts);
    }

    /** Parses the arguments after {@code bench}. */
    public static BenchOptions parse(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new IllegalArgumentException("which benchmark: fanout, idle, recovery, messages or inbox?");
        }
        Scenario scenario = switch (args.get(0)) {
            case "fanout" -> Scenario.FANOUT;
            case "idle" -> Scenario.IDLE;
            case "recovery" -> Scenario.RECOVERY;
            case "messages" -> Scenario.MESSAGES;
            case "inbox" -> Scenario.INBOX;
            default -> throw new IllegalArgumentException("unknown benchmark " + args.get(0)
                    + " (fanout, idle, recovery, messages or inbox)");
        };
        int sockets = switch (scenario) {
            case FANOUT -> 5_000;
            case IDLE -> 15_000;
            case RECOVERY -> 10_000;
            case MESSAGES -> 2_000; // not an option there: the script opens two sockets per message per second
            case INBOX -> 2_000; // not an option there either: REST requests, no sockets
        };
        int listings = 100;
        List<Integer> rates = switch (scenario) {
            case RECOVERY -> List.of(100);
            case MESSAGES -> List.of(200, 500, 1000);
            default -> List.of(100, 250, 500, 1000);
        };
        int seconds = switch (scenario) {
            case RECOVERY, MESSAGES -> 30;
            case INBOX -> 20;
            default -> 15;
        };
        int warmup = scenario == Scenario.MESSAGES || scenario == Scenario.INBOX ? 60 : 90;
        Set<ServerKind> servers = switch (scenario) {
            case MESSAGES -> EnumSet.of(ServerKind.GATEWAY);
            case INBOX -> EnumSet.noneOf(ServerKind.class); // message-service alone
            default -> EnumSet.allOf(ServerKind.class);
        };
        List<Integer> clients = List.of(1, 4);
        List<String> gatewayOpts = split(DEFAULT_GATEWAY_OPTS);
        int workers = 2;
        for (int i = 1; i < args.size(); i++) {
            String name = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unexpected " + name);
            }
            String value = args.get(++i);
            switch (name) {
                case "--sockets" -> sockets = number(name, value);
                case "--listings" -> listings = number(name, value);
                case "--rates" -> rates = Arrays.stream(value.split(",")).map(rate -> number(name, rate.trim())).toList();
                case "--seconds" -> seconds = number(name, value);
                case "--warmup" -> warmup = number(name, value);
                case "--only" -> servers = EnumSet.of(ServerKind.named(value));
                case "--gateway-opts" -> gatewayOpts = split(value);
                case "--workers" -> workers = number(name, value);
                case "--clients" -> clients = Arrays.stream(value.split(",")).map(count -> number(name, count.trim())).toList();
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchOptions(scenario, sockets, listings, rates, seconds, warmup, servers, gatewayOpts, workers, clients);
    }

    /** The rate of the warm-up: the middle one of the load points, so the JIT sees the measured work. */
    public int warmupRate() {
        List<Integer> sorted = new ArrayList<>(rates);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, was " + value);
        }
    }

    private static void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + ", was " + value);
        }
    }
}
