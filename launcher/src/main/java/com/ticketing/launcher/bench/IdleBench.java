package com.ticketing.launcher.bench;

import com.ticketing.launcher.bench.LoadGenerator.Connected;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ./ticketing bench idle}: per server, many authenticated connections (CONNECT answered) that
 * then stay idle but for the production heartbeat. Reads the server's VmRSS before and after them,
 * and for the gateway the live heap after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) too.
 */
final class IdleBench {

    /** Start-up garbage and lazy initialisation settle before the baseline. */
    private static final Duration SETTLE = Duration.ofSeconds(3);
    /** Connections settle (handshake buffers released) before the second reading. */
    private static final Duration SETTLE_CONNECTED = Duration.ofSeconds(5);
    private static final int HISTOGRAM_CLASSES = 25;

    /** One server's figures; heap only for the gateway. */
    record Row(ServerKind server, int connections, int failed, double connectSeconds, long rssBeforeKiB, long rssAfterKiB,
               OptionalLong heapBeforeKiB, OptionalLong heapAfterKiB) {

        double rssKiBPerConnection() {
            return (rssAfterKiB - rssBeforeKiB) / (double) Math.max(1, connections);
        }

        String heapKiBPerConnection() {
            return heapBeforeKiB.isEmpty() ? "-" : String.format("%.1f",
                    (heapAfterKiB.getAsLong() - heapBeforeKiB.getAsLong()) / (double) Math.max(1, connections));
        }
    }

    private final BenchContext context;
    private final Resources resources;

    IdleBench(BenchContext context, Resources resources) {
        this.context = context;
        this.resources = resources;
    }

    /** Connects the idle sockets to one server and reads its memory; the server is stopped afterwards. */
    Row measure(ServerKind kind) throws IOException, InterruptedException {
        BenchServer server = BenchServer.start(kind, context, resources);
        BenchOptions options = context.options();
        LoadGenerator load = resources.add(LoadGenerator.start(context.benchDir(), options.workers(), context.logDir()));
        try {
            context.step("%s is up (pid %d): %s", kind.label(), server.pid(), server.runtime());
            Thread.sleep(SETTLE.toMillis());
            OptionalLong heapBefore = liveHeap(server);
            long rssBefore = ProcStats.rssKiB(server.pid());
            Connected connected = load.connect(server.url(), options.sockets(), 1, false);
            context.step("%d connections in %.1f s%s", connected.connected(), connected.took().toMillis() / 1000.0,
                    connected.failed() == 0 ? "" : ", failed: " + connected.errors());
            Thread.sleep(SETTLE_CONNECTED.toMillis());
            OptionalLong heapAfter = liveHeap(server);
            long rssAfter = ProcStats.rssKiB(server.pid());
            if (context.histogram() && kind == ServerKind.GATEWAY) {
                context.out().println(Jcmd.classHistogram(server.pid(), HISTOGRAM_CLASSES));
            }
            return new Row(kind, load.open(), connected.failed(), connected.took().toMillis() / 1000.0, rssBefore, rssAfter,
                    heapBefore, heapAfter);
        } finally {
            resources.close(load);
            resources.close(server);
        }
    }

    private static OptionalLong liveHeap(BenchServer server) {
        return server.kind() == ServerKind.GATEWAY ? OptionalLong.of(Jcmd.liveHeapKiB(server.pid())) : OptionalLong.empty();
    }

    static void print(List<Row> rows, BenchContext context) {
        Table table = new Table("server", "connections", "failed", "connect s", "RSS before MB", "RSS after MB",
                "RSS/conn KB", "live heap/conn KB");
        for (Row row : rows) {
            table.row(row.server().label(), row.connections(), row.failed(), String.format("%.1f", row.connectSeconds()),
                    row.rssBeforeKiB() / 1024, row.rssAfterKiB() / 1024, String.format("%.1f", row.rssKiBPerConnection()),
                    row.heapKiBPerConnection());
        }
        table.print(context.out());
    }
}
