package com.ticketing.launcher.faults;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.launcher.FileTree;
import com.ticketing.launcher.bench.Table;
import com.ticketing.launcher.simulate.KafkaEventSink;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code ./ticketing faults [SCENARIO...] [--short]}: starts the fault stack once, then per scenario puts a
 * fresh load on it (new listings, new sockets, new users), injects the fault, lets the load run on, and checks
 * the end state against what was accepted: every socket's listing versions, every acknowledged message at its
 * receiver and in the database, the committed update topic; how long deliveries paused and presence was wrong.
 * One row per scenario. It asserts nothing and exits 0 when every row is clean, 1 when one is not.
 */
public final class FaultsCommand {

    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final int PRESENCE_SAMPLE = 8;
    /** A pause longer than this gets its partition's offsets printed, to show at which step it stood still. */
    private static final Duration TRACED_PAUSE = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static final String USAGE = """
            usage: ./ticketing faults [SCENARIO...] [--short] [--sockets N] [--listings N] [--rate N] [--messages N]
                                      [--outage SECONDS]

            Starts three Kafka brokers, PostgreSQL, message-service, listing-events-service and two gateways as
            processes on free loopback ports (every topic at replication factor 3, min.insync.replicas 2), then
            runs each scenario under load from official socket.io-client sockets and a marketplace publisher,
            and prints one row per scenario: accepted, lost, duplicated, out of order, longest pause, presence.
            Scenarios (default: all): %s
              --short   CI's form: 40 sockets, 100 updates/s, 20 messages/s, 10 s outages
            """;

    /** What one scenario measured. */
    record Row(Scenario scenario, String fault, FaultClients.Check sockets, Audits.Topic topic, Audits.Database database,
               long acceptedChanges, long failedPublishes, int unfinishedSends, boolean drained, double presenceWrongFor,
               boolean presenceRight, String presenceProblem, List<String> pausePath) {

        /** Nothing lost, twice or out of order anywhere; every send answered and none refused; load really ran. */
        boolean clean() {
            return acceptedChanges > 0 && sockets.messagesAcked() > 0 && sockets.refused().equals("{}")
                    && sockets.updatesLost() == 0 && sockets.updatesDuplicated() == 0 && sockets.updatesOutOfOrder() == 0
                    && sockets.messagesLost() == 0 && sockets.messagesDuplicated() == 0 && sockets.messagesOutOfOrder() == 0
                    && topic.duplicated() == 0 && topic.missing() == 0 && database.duplicated() == 0
                    && database.missing() == 0 && failedPublishes == 0 && unfinishedSends == 0 && presenceRight;
        }
    }

    private final Path home;
    private final Path data;
    private final JwtIssuer issuer;
    private final String jwtSecret;
    private final List<String> jvmOptions;
    private final PrintStream out;

    /** @param data where the cluster, the database and the logs go; emptied at the start of every run */
    public FaultsCommand(Path home, Path data, JwtIssuer issuer, String jwtSecret, List<String> jvmOptions,
                         PrintStream out) {
        this.home = home;
        this.data = data;
        this.issuer = issuer;
        this.jwtSecret = jwtSecret;
        this.jvmOptions = jvmOptions;
        this.out = out;
    }

    public int run(List<String> args) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            out.printf(USAGE, labels());
            return 0;
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                i += arg.equals("--short") ? 0 : 1;
                continue;
            }
            Optional<Scenario> scenario = Scenario.named(arg);
            if (scenario.isEmpty()) {
                out.println("unknown scenario: " + arg);
                out.printf(USAGE, labels());
                return 2;
            }
            scenarios.add(scenario.get());
        }
        if (scenarios.isEmpty()) {
            scenarios.addAll(List.of(Scenario.values()));
        }
        Pace pace = Pace.from(args);
        List<Row> rows = new ArrayList<>();
        // Cutting a broker off needs every connection of the cluster through this JVM's proxies, which slows
        // everything else: those scenarios get a stack of their own, after the others.
        List<Scenario> direct = scenarios.stream().filter(scenario -> !scenario.needsProxies()).toList();
        List<Scenario> proxied = scenarios.stream().filter(Scenario::needsProxies).toList();
        runOn(false, direct, pace, rows);
        runOn(true, proxied, pace, rows);
        print(rows, pace);
        return rows.stream().allMatch(Row::clean) ? 0 : 1;
    }

    private void runOn(boolean proxied, List<Scenario> scenarios, Pace pace, List<Row> rows) throws Exception {
        if (scenarios.isEmpty()) {
            return;
        }
        FileTree.delete(data); // every stack starts from empty brokers and an empty database
        FaultStack stack = new FaultStack(home, data, jvmOptions, issuer, jwtSecret, out);
        // Ctrl-C (or a kill of this process) stops every process the stack started, as the end of the run does.
        Thread stopOnExit = new Thread(stack::close, "faults-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            stack.start(proxied);
            for (Scenario scenario : scenarios) {
                out.println("» " + scenario.label() + ": " + scenario.description() + " (" + pace.describe() + ")");
                Row row = trial(stack, scenario, pace, rows.size());
                rows.add(row);
                describe(row);
            }
        } finally {
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: nothing is left to stop
            }
        }
    }

    private Row trial(FaultStack stack, Scenario scenario, Pace pace, int index) throws Exception {
        String run = "f" + index + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        List<String> listings = IntStream.range(0, pace.listings()).mapToObj(i -> "lst-" + run + "-" + i).toList();
        boolean restoreAfterLoad = false;
        try (MarketplaceLoad market = new MarketplaceLoad(new KafkaEventSink(stack.kafka().bootstrapServers(),
                KafkaSecurity.plaintext()), listings)) {
            market.createListings();
            awaitKnown(stack, listings);
            try (FaultClients clients = FaultClients.connect(home.resolve("bench"), stack.logs().resolve("fault-clients.log"),
                    jwtSecret, stack.balancerUrls(), run, pace.sockets(), listings)) {
                out.printf("  %d sockets follow %d listings through the balancers; load starts%n", pace.sockets(),
                        pace.listings());
                PartitionWatch partitions = new PartitionWatch(stack.admin(), FaultStack.LISTING_APPLICATION_ID);
                market.start(pace.updatesPerSecond());
                clients.startSending(pace.messagesPerSecond());
                Thread.sleep(pace.before().toMillis());

                long faultAt = System.currentTimeMillis();
                List<String> sample = IntStream.range(0, PRESENCE_SAMPLE)
                        .mapToObj(i -> clients.user(i * pace.sockets() / PRESENCE_SAMPLE)).toList();
                PresenceWatch presence = new PresenceWatch(stack.balancerUrls().get(1), stack.token("fault-admin", true),
                        sample, new PresenceWatch.Truth() {
                            @Override
                            public Map<String, String> socketIds(List<String> users) {
                                return clients.socketIds(users);
                            }

                            @Override
                            public Set<String> liveGateways() {
                                return scenario.liveGateways();
                            }
                        });
                String fault;
                try {
                    fault = scenario.inject(stack, pace);
                    out.printf("  %s; load goes on for %d s%n", fault, pace.after().toSeconds());
                    Thread.sleep(pace.after().toMillis());
                } finally {
                    presence.close();
                    restoreAfterLoad = true;
                }

                market.stop();
                int unfinished = clients.stopSending(DRAIN);
                Map<String, Long> finalVersions = market.finalVersions();
                boolean drained = awaitDrained(clients, finalVersions);
                partitions.close();
                FaultClients.Check check = clients.check(finalVersions, 2, faultAt);
                List<String> pausePath = check.longestPause()
                        .filter(pause -> Duration.between(pause.from(), pause.to()).compareTo(TRACED_PAUSE) > 0)
                        .map(pause -> partitions.around(pause.listingId(), pause.from(), pause.to())).orElse(List.of());
                Audits.Topic topic = Audits.listingUpdates(stack.kafka().bootstrapServers(), finalVersions);
                Audits.Database database = Audits.messages(stack.jdbcUrl(), run, check.ackedIds());
                return new Row(scenario, fault, check, topic, database, market.acceptedChanges(), market.failedChanges(), unfinished, drained,
                        presence.wrongFor(), presence.rightAtTheEnd(), presence.lastProblem(), pausePath);
            }
        } finally {
            if (restoreAfterLoad) {
                scenario.restore(stack);
            }
        }
    }

    /** Waits until listing-events-service answers for every new listing, so the load starts on known listings. */
    private void awaitKnown(FaultStack stack, List<String> listings) throws IOException, InterruptedException {
        String token = stack.token("fault-reader", false);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (String listing : listings) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(stack.balancerUrls().get(1) + "/api/listings/" + listing))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build();
            while (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("listing-events-service does not know " + listing + " after 60 s");
                }
                Thread.sleep(200);
            }
        }
    }

    /** Waits until every socket holds its listing's last version and every acknowledged message reached its receiver. */
    private boolean awaitDrained(FaultClients clients, Map<String, Long> finalVersions) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (clients.progress(finalVersions).complete()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private void describe(Row row) {
        FaultClients.Check s = row.sockets();
        out.printf("  accepted %d price changes (%d not acknowledged by the broker) and %d messages (%d sends unfinished)%n",
                row.acceptedChanges(), row.failedPublishes(), s.messagesAcked(), row.unfinishedSends());
        out.printf("  sockets: updates lost %d (on %d sockets), twice %d, out of order %d; messages lost %d, twice %d,"
                        + " out of order %d; longest pause %.1f s%s%s%n", s.updatesLost(), s.socketsWithLoss(),
                s.updatesDuplicated(), s.updatesOutOfOrder(), s.messagesLost(), s.messagesDuplicated(),
                s.messagesOutOfOrder(), s.longestPauseMs() / 1000.0,
                s.longestPauseAt().isEmpty() ? "" : " (" + s.longestPauseAt() + ")",
                row.drained() ? "" : " (not drained after 90 s)");
        out.printf("  sessions after the fault: %d reconnects, %d recovered, %d fresh; send retries %s, refused %s%n",
                s.reconnects(), s.recovered(), s.fresh(), s.retries(), s.refused());
        row.pausePath().forEach(line -> out.println("  " + line));
        if (!s.reconnected().isEmpty()) {
            out.printf("  moved sockets: %s%n", s.reconnected());
        }
        out.printf("  topic: %d committed updates, %d versions twice, %d missing; database: %d stored, %d twice,"
                        + " %d acknowledged but missing%n", row.topic().records(), row.topic().duplicated(),
                row.topic().missing(), row.database().stored(), row.database().duplicated(), row.database().missing());
        out.printf("  presence: wrong until %.1f s after the fault, %s at the end%s%n", row.presenceWrongFor(),
                row.presenceRight() ? "right" : "WRONG", row.presenceWrongFor() > 0 ? " (last seen wrong: "
                        + row.presenceProblem() + ")" : "");
    }

    private void print(List<Row> rows, Pace pace) {
        out.println();
        out.println("Fault suite (" + pace.describe() + ", " + pace.listings() + " listings; 3 brokers, RF 3,"
                + " min.insync.replicas 2):");
        Table table = new Table("scenario", "accepted chg/msg", "lost upd/msg", "twice upd/msg", "out of order",
                "topic twice/missing", "db twice/missing", "longest pause s", "presence wrong s", "recovered/fresh");
        for (Row row : rows) {
            FaultClients.Check s = row.sockets();
            table.row(row.scenario().label(), row.acceptedChanges() + "/" + s.messagesAcked(),
                    s.updatesLost() + "/" + s.messagesLost(), s.updatesDuplicated() + "/" + s.messagesDuplicated(),
                    s.updatesOutOfOrder() + s.messagesOutOfOrder(), row.topic().duplicated() + "/" + row.topic().missing(),
                    row.database().duplicated() + "/" + row.database().missing(),
                    String.format("%.1f", s.longestPauseMs() / 1000.0),
                    String.format("%.1f%s", row.presenceWrongFor(), row.presenceRight() ? "" : " (still)"),
                    s.recovered() + "/" + s.fresh());
        }
        table.print(out);
        out.println("  chg: price changes the broker acknowledged; upd: listing versions over every socket (each follows one"
                + " listing); msg: acknowledged sends,"
                + " counted at the receiver's socket; topic: committed realtime.listing-updates of the run; db: messages table.");
        rows.stream().filter(row -> !row.clean()).forEach(row -> out.println("  NOT CLEAN: " + row.scenario().label()));
    }

    private static String labels() {
        return String.join(", ", java.util.Arrays.stream(Scenario.values()).map(Scenario::label).toList());
    }
}
