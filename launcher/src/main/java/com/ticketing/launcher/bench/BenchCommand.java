package com.ticketing.launcher.bench;

import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.launcher.EmbeddedKafka;
import com.ticketing.launcher.FileTree;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./ticketing bench fanout|idle|recovery|messages|inbox}: starts one embedded Kafka broker with the project's topics,
 * measures each server in turn (gateway, then the reference Node server) and prints one table. It
 * stops everything it started, also on failure or Ctrl-C. See {@link BenchOptions#USAGE}.
 */
public final class BenchCommand {

    private final BenchOptions options;
    private final Path home;
    private final String jwtSecret;
    private final boolean histogram;
    private final PrintStream out;
    private final Resources resources;

    private BenchCommand(BenchOptions options, Path home, String jwtSecret, boolean histogram, PrintStream out) {
        this.options = options;
        this.home = home;
        this.jwtSecret = jwtSecret;
        this.histogram = histogram;
        this.out = out;
        this.resources = new Resources(out);
    }

    /** Entry point from the command line ({@code args} after {@code bench}). */
    public static int run(List<String> args, Path home, String jwtSecret, Map<String, String> environment, PrintStream out)
            throws Exception {
        if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
            out.print(BenchOptions.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.print(BenchOptions.USAGE);
            return 2;
        }
        boolean histogram = "1".equals(environment.get("HISTOGRAM"));
        return new BenchCommand(options, home, jwtSecret, histogram, out).run(args);
    }

    private int run(List<String> args) throws Exception {
        Path scratch = BenchContext.scratchDir(home);
        Files.createDirectories(scratch.getParent());
        // Two runs would share (and wipe) one scratch directory, and each would skew the other's figures.
        try (FileChannel lockFile = FileChannel.open(scratch.resolveSibling("run.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                out.println("Another ./ticketing bench is running on this checkout: wait for it to finish"
                        + " (two runs would delete each other's broker data and share the two cores).");
                return 2;
            }
            return runAlone(args, scratch);
        }
    }

    private int runAlone(List<String> args, Path scratch) throws Exception {
        Thread stopOnCtrlC = new Thread(resources::closeAll, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try {
            FileTree.delete(scratch);
            printHeader(args);
            BenchContext context = new BenchContext(home, options, startKafka(scratch), jwtSecret, histogram, out);
            switch (options.scenario()) {
                case FANOUT -> runFanout(context);
                case IDLE -> runIdle(context);
                case RECOVERY -> runRecovery(context);
                case MESSAGES -> runMessages(context);
                case INBOX -> runInbox(context);
            }
            out.println("finished: " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + ", load average " + loadAverage());
            return 0;
        } finally {
            resources.closeAll();
            FileTree.delete(scratch);
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
        }
    }

    private void printHeader(List<String> args) {
        out.println("command:  ./ticketing bench " + args.stream().map(BenchCommand::quoted).collect(Collectors.joining(" ")));
        out.println("started:  " + LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average " + loadAverage() + " (anything else running skews the CPU figures)");
        if (options.servers().contains(ServerKind.GATEWAY)) {
            out.println("gateway:  java " + String.join(" ", options.gatewayOpts()) + " -jar gateway-service/target/gateway-service.jar");
        }
        if (options.servers().contains(ServerKind.NODE)) {
            out.println("node:     node bench/reference-server.mjs (socket.io 4.8.4, kafkajs 2.2.4)");
        }
    }

    private String startKafka(Path scratch) throws Exception {
        EmbeddedKafka kafka = resources.add(EmbeddedKafka.start(scratch.resolve("kafka"), BenchServer.freePort(),
                BenchServer.freePort()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).provision(Topics.ALL);
        }
        out.println("kafka:    embedded broker on " + kafka.bootstrapServers() + " for this run");
        return kafka.bootstrapServers();
    }

    private void runFanout(BenchContext context) throws Exception {
        out.printf("load:     %d sockets over %d listings (%d per listing), %s updates/s, %d s each after a %d s warm-up "
                        + "at %d/s, %d load workers%n", options.sockets(), options.listings(),
                options.sockets() / options.listings(), options.rates(), options.seconds(), options.warmup(),
                options.warmupRate(), options.workers());
        List<FanoutBench.Row> rows = new ArrayList<>();
        try (ListingUpdatePublisher publisher = new ListingUpdatePublisher(context.bootstrapServers(),
                FanoutBench.listingIds(options.listings()))) {
            FanoutBench bench = new FanoutBench(context, publisher, resources);
            for (ServerKind kind : options.servers()) {
                rows.addAll(bench.measure(kind));
            }
            if (publisher.failedSends() > 0) {
                out.println("  note: the broker refused " + publisher.failedSends() + " updates");
            }
        }
        out.println();
        FanoutBench.print(rows, context);
    }

    private void runMessages(BenchContext context) throws Exception {
        out.println("message-service: java " + String.join(" ", options.gatewayOpts())
                + " -jar message-service/target/message-service.jar, PostgreSQL embedded (" + MessagesBench.postgresSettings() + ")");
        out.printf("load:     rate pairs of users (one message per sender per second), %s messages/s, %d s each after a"
                + " %d s warm-up at %d/s%n", options.rates(), options.seconds(), options.warmup(), options.warmupRate());
        List<MessagesBench.Row> rows = new MessagesBench(context, resources).measure();
        out.println();
        MessagesBench.print(rows, context);
    }

    private void runInbox(BenchContext context) throws Exception {
        out.println("message-service: java " + String.join(" ", options.gatewayOpts())
                + " -jar message-service/target/message-service.jar, PostgreSQL embedded (" + MessagesBench.postgresSettings()
                + "), seeded with 1,000,000 messages");
        out.printf("load:     node bench/inbox-load.mjs, %s requests in flight, %d s per request kind and client count"
                + " after %d s of warm-up spread over the kinds%n", options.clients(), options.seconds(), options.warmup());
        List<InboxBench.Row> rows = new InboxBench(context, resources).measure();
        out.println();
        InboxBench.print(rows, context);
    }

    private void runRecovery(BenchContext context) throws Exception {
        out.printf("load:     %d sockets over %d listings, %d updates/s for %d s after a %d s warm-up; half the sockets"
                        + " drop and reconnect at once a third of the way in, %d load workers%n", options.sockets(),
                options.listings(), options.rates().get(0), options.seconds(), options.warmup(), options.workers());
        List<RecoveryBench.Row> rows = new ArrayList<>();
        try (ListingUpdatePublisher publisher = new ListingUpdatePublisher(context.bootstrapServers(),
                FanoutBench.listingIds(options.listings()))) {
            RecoveryBench bench = new RecoveryBench(context, publisher, resources);
            for (ServerKind kind : options.servers()) {
                rows.add(bench.measure(kind));
            }
        }
        out.println();
        RecoveryBench.print(rows, context);
    }

    private void runIdle(BenchContext context) throws Exception {
        out.printf("load:     %d idle authenticated connections per server, %d load workers%n", options.sockets(),
                options.workers());
        IdleBench bench = new IdleBench(context, resources);
        List<IdleBench.Row> rows = new ArrayList<>();
        for (ServerKind kind : options.servers()) {
            rows.add(bench.measure(kind));
        }
        out.println();
        IdleBench.print(rows, context);
    }

    /** The 1-minute load average from /proc/loadavg. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.contains(" ") ? "\"" + arg + "\"" : arg;
    }
}
