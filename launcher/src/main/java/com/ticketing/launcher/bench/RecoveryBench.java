package com.ticketing.launcher.bench;

import com.ticketing.launcher.bench.ListingUpdatePublisher.VersionRange;
import com.ticketing.launcher.bench.LoadGenerator.Connected;
import com.ticketing.launcher.bench.LoadGenerator.Receipts;
import com.ticketing.launcher.bench.LoadGenerator.Storm;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./ticketing bench recovery}: per server, sockets follow listings while updates flow at one rate;
 * a third into the window half the sockets lose their connection at once and every one of them
 * reconnects at once with its {@code pid} and last offset, as a crashed server's clients do. Printed:
 * how many resumed their session, the time each took to its CONNECT reply, deliveries lost and duplicated
 * over every socket (a resumed socket's replay included: versions are unique per listing), and the live
 * fan-out latency of the sockets that stayed connected, during the storm.
 */
final class RecoveryBench {

    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    record Row(ServerKind server, int sockets, long dropped, long resumed, long recovered, int resumeP50, int resumeP99,
               int resumeMax, long lost, long duplicates, int liveP50, int liveP99, int resumedP99, double stormSeconds) {
    }

    private final BenchContext context;
    private final BenchOptions options;
    private final ListingUpdatePublisher publisher;
    private final Resources resources;

    RecoveryBench(BenchContext context, ListingUpdatePublisher publisher, Resources resources) {
        this.context = context;
        this.options = context.options();
        this.publisher = publisher;
        this.resources = resources;
    }

    Row measure(ServerKind kind) throws IOException, InterruptedException {
        BenchServer server = BenchServer.start(kind, context, resources);
        LoadGenerator load = resources.add(LoadGenerator.start(context.benchDir(), options.workers(), context.logDir()));
        try {
            context.step("%s is up (pid %d): %s", kind.label(), server.pid(), server.runtime());
            Thread.sleep(SETTLE.toMillis());
            Connected connected = load.connect(server.url(), options.sockets(), options.listings(), true);
            context.step("%d sockets connected and subscribed in %.1f s%s", connected.connected(),
                    connected.took().toMillis() / 1000.0, connected.failed() == 0 ? "" : ", failed: " + connected.errors());
            int rate = options.rates().get(0);
            if (options.warmup() > 0) {
                VersionRange warm = publisher.next(Math.max(1, Math.round((double) rate * options.warmup() / options.listings())));
                load.begin(warm.from(), warm.to());
                publisher.publish(warm, rate);
                load.end();
                context.step("warm-up (discarded): %d s at %d updates/s", options.warmup(), rate);
            }
            long rounds = Math.max(1, Math.round((double) rate * options.seconds() / options.listings()));
            VersionRange versions = publisher.next(rounds);
            load.begin(versions.from(), versions.to());
            CompletableFuture<Duration> publishing = CompletableFuture.supplyAsync(() -> publisher.publish(versions, rate));
            Thread.sleep(options.seconds() * 1000L / 3);
            Storm storm = load.storm(server.url(), 0.5);
            context.step("storm: %d dropped, %d back (%d resumed their session) in %.1f s%s", storm.dropped(),
                    storm.resumed(), storm.recovered(), storm.lasted().toMillis() / 1000.0,
                    storm.errors().isEmpty() ? "" : ", errors: " + storm.errors());
            publishing.join();
            load.markWindowEnd();
            long expected = (long) connected.connected() * rounds;
            long deadline = System.nanoTime() + DRAIN.toNanos();
            while (load.received() < expected && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            Receipts receipts = load.end();
            return new Row(kind, connected.connected(), storm.dropped(), storm.resumed(), storm.recovered(),
                    storm.took().percentile(0.50), storm.took().percentile(0.99), storm.took().percentile(1.0),
                    receipts.lost(), receipts.duplicates(), receipts.latencies().percentile(0.50),
                    receipts.latencies().percentile(0.99), receipts.stormedLatencies().percentile(0.99),
                    storm.lasted().toMillis() / 1000.0);
        } finally {
            resources.close(load);
            resources.close(server);
        }
    }

    static void print(List<Row> rows, BenchContext context) {
        Table table = new Table("server", "sockets", "dropped", "back", "resumed", "resume p50 ms", "resume p99 ms",
                "resume max ms", "lost", "dup", "live p50 ms", "live p99 ms", "replayed p99 ms");
        for (Row row : rows) {
            table.row(row.server().label(), row.sockets(), row.dropped(), row.resumed(), row.recovered(), row.resumeP50(),
                    row.resumeP99(), row.resumeMax(), row.lost(), row.duplicates(), row.liveP50(), row.liveP99(),
                    row.resumedP99());
        }
        table.print(context.out());
        context.out().println("  resumed: CONNECT replies with the socket's old pid (its rooms back, what it missed replayed);"
                + " lost/dup count every socket's versions, replays included; live: the sockets that stayed connected.");
    }
}
