package com.ticketing.launcher.bench;

import com.ticketing.launcher.bench.ListingUpdatePublisher.VersionRange;
import com.ticketing.launcher.bench.LoadGenerator.Connected;
import com.ticketing.launcher.bench.LoadGenerator.Receipts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * {@code ./ticketing bench fanout}: per server, sockets subscribe to listings (sockets / listings per
 * room), a warm-up runs and is discarded, then each offered rate is published for a fixed time. For
 * every point: deliveries/s inside the window, lost and duplicated deliveries (each update's version
 * is unique per listing), publish-to-receipt percentiles, the server's CPU per 1,000 deliveries
 * (utime + stime over the window and its drain, and stime alone: the kernel's share) and its RSS growth
 * per socket.
 */
final class FanoutBench {

    /** Start-up garbage and lazy initialisation settle before the baseline RSS is read. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** After a window, late deliveries still count for this long; later ones are lost. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Duration DRAIN_POLL = Duration.ofMillis(250);

    /** One load point of one server. */
    record Row(ServerKind server, int offered, double deliveriesPerSecond, long lost, long duplicates, int p50, int p99,
               double cpuMsPer1000, double kernelMsPer1000, long rssKiB, double rssKiBPerSocket, double loadGeneratorCores, double harnessCores,
               long stale, long closed) {
    }

    private final BenchContext context;
    private final BenchOptions options;
    private final ListingUpdatePublisher publisher;
    private final Resources resources;

    FanoutBench(BenchContext context, ListingUpdatePublisher publisher, Resources resources) {
        this.context = context;
        this.options = context.options();
        this.publisher = publisher;
        this.resources = resources;
    }

    /** The listing ids of the run: socket i follows listing i mod listings. */
    static List<String> listingIds(int listings) {
        return IntStream.range(0, listings).mapToObj(i -> LoadGenerator.LISTING_PREFIX + i).toList();
    }

    /** Measures every load point of one server; the server and its load generator are stopped afterwards. */
    List<Row> measure(ServerKind kind) throws IOException, InterruptedException {
        BenchServer server = BenchServer.start(kind, context, resources);
        LoadGenerator load = resources.add(LoadGenerator.start(context.benchDir(), options.workers(), context.logDir()));
        try {
            context.step("%s is up (pid %d): %s", kind.label(), server.pid(), server.runtime());
            Thread.sleep(SETTLE.toMillis());
            long rssBefore = ProcStats.rssKiB(server.pid());
            Connected connected = load.connect(server.url(), options.sockets(), options.listings(), true);
            context.step("%d sockets connected and subscribed in %.1f s%s", connected.connected(),
                    connected.took().toMillis() / 1000.0, connected.failed() == 0 ? "" : ", failed: " + connected.errors());
            if (options.warmup() > 0) {
                Row warmup = point(server, load, options.warmupRate(), options.warmup(), connected.connected(), rssBefore);
                context.step("warm-up (discarded): %d s at %d updates/s, %.0f deliveries/s, p99 %d ms", options.warmup(),
                        warmup.offered(), warmup.deliveriesPerSecond(), warmup.p99());
            }
            List<Row> rows = new ArrayList<>();
            for (int rate : options.rates()) {
                Row row = point(server, load, rate, options.seconds(), connected.connected(), rssBefore);
                context.step("%d updates/s: %.0f deliveries/s, lost %d, p99 %d ms", rate, row.deliveriesPerSecond(),
                        row.lost(), row.p99());
                rows.add(row);
            }
            return rows;
        } finally {
            resources.close(load);
            resources.close(server);
        }
    }

    /** Publishes {@code rate} updates/s for about {@code seconds} and reads what the sockets and the server did. */
    private Row point(BenchServer server, LoadGenerator load, int rate, int seconds, int sockets, long rssBefore)
            throws InterruptedException {
        long rounds = Math.max(1, Math.round((double) rate * seconds / options.listings()));
        VersionRange versions = publisher.next(rounds);
        load.begin(versions.from(), versions.to());
        long serverTicks = ProcStats.cpuTicks(server.pid());
        long serverKernelTicks = ProcStats.kernelTicks(server.pid());
        long loadTicks = load.cpuTicks();
        long harnessTicks = ProcStats.cpuTicks(ProcessHandle.current().pid());
        long began = System.nanoTime();

        Duration window = publisher.publish(versions, rate);
        long inWindow = load.markWindowEnd();
        awaitDrained(load, sockets * rounds);
        Receipts receipts = load.end();

        double elapsedMs = (System.nanoTime() - began) / 1e6;
        double serverMs = ProcStats.cpuMillis(ProcStats.cpuTicks(server.pid()) - serverTicks);
        double serverKernelMs = ProcStats.cpuMillis(ProcStats.kernelTicks(server.pid()) - serverKernelTicks);
        double loadMs = ProcStats.cpuMillis(load.cpuTicks() - loadTicks);
        double harnessMs = ProcStats.cpuMillis(ProcStats.cpuTicks(ProcessHandle.current().pid()) - harnessTicks);
        long rssAfter = ProcStats.rssKiB(server.pid());
        return new Row(server.kind(), rate, inWindow / (window.toNanos() / 1e9), receipts.lost(), receipts.duplicates(),
                receipts.latencies().percentile(0.50), receipts.latencies().percentile(0.99),
                receipts.unique() == 0 ? Double.NaN : serverMs * 1000 / receipts.unique(),
                receipts.unique() == 0 ? Double.NaN : serverKernelMs * 1000 / receipts.unique(),
                rssAfter, (rssAfter - rssBefore) / (double) Math.max(1, sockets), loadMs / elapsedMs, harnessMs / elapsedMs,
                receipts.stale(), receipts.closed());
    }

    /** Waits, a bounded time, until every delivery of the point has arrived. */
    private static void awaitDrained(LoadGenerator load, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        while (load.received() < expected && System.nanoTime() < deadline) {
            Thread.sleep(DRAIN_POLL.toMillis());
        }
    }

    /** The table of every server's rows, with notes for anything that did not add up. */
    static void print(List<Row> rows, BenchContext context) {
        Table table = new Table("server", "offered upd/s", "deliveries/s", "lost", "dup", "p50 ms", "p99 ms",
                "CPU ms/1k deliv", "of it kernel", "RSS MB", "RSS/socket KB", "loadgen cores", "harness cores");
        for (Row row : rows) {
            table.row(row.server().label(), row.offered(), Math.round(row.deliveriesPerSecond()), row.lost(),
                    row.duplicates(), row.p50(), row.p99(), String.format("%.1f", row.cpuMsPer1000()),
                    String.format("%.1f", row.kernelMsPer1000()), row.rssKiB() / 1024,
                    String.format("%.1f", row.rssKiBPerSocket()), String.format("%.2f", row.loadGeneratorCores()),
                    String.format("%.2f", row.harnessCores()));
        }
        table.print(context.out());
        rows.stream().filter(row -> row.stale() > 0 || row.closed() > 0).forEach(row -> context.out().printf(
                "  note: %s at %d/s: %d deliveries of earlier points arrived late, %d sockets closed%n",
                row.server().label(), row.offered(), row.stale(), row.closed()));
    }
}
