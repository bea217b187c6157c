package com.ticketing.launcher.bench;

import com.ticketing.launcher.EmbeddedPostgresServer;
import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./ticketing bench messages}: socket send → the receiver's {@code message:received} through the
 * whole pipeline (gateway, Kafka, message-service, PostgreSQL, outbox, Kafka, gateway), message-service
 * and the gateway on the JVM options of {@code --gateway-opts} (the production image's by default).
 * {@code bench/message-latency.mjs} drives pairs of users, one message per sender per second, and splits
 * each message's path at its stored {@code createdAt}; a warm-up run comes first and is discarded.
 */
final class MessagesBench {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    /**
     * One offered rate's figures; latencies in ms, CPU in ms per message received of message-service, the
     * gateway, PostgreSQL (the postmaster and its backends) and this process (the embedded broker).
     */
    record Row(int rate, int sent, int received, int refused, JsonNode total, JsonNode toStored, JsonNode fromStored,
               double serviceCpuMsPerMessage, double gatewayCpuMsPerMessage, double postgresCpuMsPerMessage,
               double brokerCpuMsPerMessage) {
    }

    private final BenchContext context;
    private final Resources resources;

    MessagesBench(BenchContext context, Resources resources) {
        this.context = context;
        this.resources = resources;
    }

    List<Row> measure() throws Exception {
        EmbeddedPostgresServer postgres = postgres(context, resources);
        ServiceProcess messages = resources.add(messageService(context, postgres));
        messages.awaitHealthy(READY_TIMEOUT);
        BenchServer gateway = BenchServer.start(ServerKind.GATEWAY, context, resources);
        context.step("message-service (pid %d) and the gateway (pid %d) are up", messages.pid(), gateway.pid());
        BenchOptions options = context.options();
        if (options.warmup() > 0) {
            context.step("warm-up: %d s at %d messages/s (discarded)", options.warmup(), options.warmupRate());
            latencyRun(gateway, options.warmupRate(), options.warmup());
        }
        List<Row> rows = new ArrayList<>();
        for (int rate : options.rates()) {
            long serviceTicks = ProcStats.cpuTicks(messages.pid());
            long gatewayTicks = ProcStats.cpuTicks(gateway.pid());
            long postgresTicks = ProcStats.treeCpuTicks(postgres.pid());
            long brokerTicks = ProcStats.cpuTicks(ProcessHandle.current().pid());
            JsonNode result = latencyRun(gateway, rate, options.seconds());
            double perMessage = Math.max(1, result.get("received").asInt());
            rows.add(new Row(rate, result.get("sent").asInt(), result.get("received").asInt(), result.get("refused").asInt(),
                    result.get("total"), result.get("toStored"), result.get("fromStored"),
                    ProcStats.cpuMillis(ProcStats.cpuTicks(messages.pid()) - serviceTicks) / perMessage,
                    ProcStats.cpuMillis(ProcStats.cpuTicks(gateway.pid()) - gatewayTicks) / perMessage,
                    ProcStats.cpuMillis(ProcStats.treeCpuTicks(postgres.pid()) - postgresTicks) / perMessage,
                    ProcStats.cpuMillis(ProcStats.cpuTicks(ProcessHandle.current().pid()) - brokerTicks) / perMessage));
            context.step("%d messages/s: p50 %s ms, p99 %s ms", rate, result.at("/total/p50"), result.at("/total/p99"));
        }
        return rows;
    }

    /**
     * The settings of the run's PostgreSQL beyond its defaults (which commit durably): shared buffers that hold
     * the inbox benchmark's tables and indexes (about 1 GB), as a database server is sized in production,
     * instead of the 128 MB default that sends most of its reads through the kernel's page cache.
     */
    private static final Map<String, String> POSTGRES_SETTINGS = Map.of("shared_buffers", "1GB");

    /** A PostgreSQL server of the run, in its scratch directory, stopped with it. */
    static EmbeddedPostgresServer postgres(BenchContext context, Resources resources) throws IOException, SQLException {
        Path scratch = context.scratchDir();
        return resources.add(EmbeddedPostgresServer.start(scratch.resolve("postgres"), scratch.resolve("postgres-runtime"),
                BenchServer.freePort(), POSTGRES_SETTINGS));
    }

    /** The settings the run's PostgreSQL has beyond the embedded server's defaults, as the runs print them. */
    static String postgresSettings() {
        Map<String, String> settings = new TreeMap<>(EmbeddedPostgresServer.BASE_SETTINGS);
        settings.putAll(POSTGRES_SETTINGS);
        return settings.entrySet().stream().map(setting -> setting.getKey() + "=" + setting.getValue())
                .collect(Collectors.joining(" "));
    }

    /**
     * message-service from its jar on {@code --gateway-opts}, over {@code postgres} and the run's broker, on
     * loopback only; the demo endpoints on (the load scripts mint their users).
     */
    static ServiceProcess messageService(BenchContext context, EmbeddedPostgresServer postgres) throws IOException {
        int port = BenchServer.freePort();
        Map<String, String> environment = Map.ofEntries(
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", context.bootstrapServers()),
                Map.entry("TICKETING_JWT_SECRET", context.jwtSecret()),
                Map.entry("TICKETING_DEMO_ENABLED", "true"),
                Map.entry("DATABASE_URL", postgres.jdbcUrl()),
                Map.entry("DATABASE_USERNAME", EmbeddedPostgresServer.USER),
                Map.entry("DATABASE_PASSWORD", "postgres"),
                Map.entry("MESSAGE_SERVICE_PORT", Integer.toString(port)),
                Map.entry("MESSAGE_SERVICE_MANAGEMENT_PORT", Integer.toString(BenchServer.freePort())),
                Map.entry("SERVER_ADDRESS", "127.0.0.1"),
                Map.entry("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1"));
        return ServiceProcess.start("message-service", context.home().resolve("message-service/target/message-service.jar"),
                port, environment, context.options().gatewayOpts(), context.logDir());
    }

    /** Runs bench/message-latency.mjs once against the gateway and returns its RESULT line. */
    private JsonNode latencyRun(BenchServer gateway, int rate, int seconds) throws IOException, InterruptedException {
        return NodeRun.result(context, resources, "message-latency.mjs",
                List.of("--rate", Integer.toString(rate), "--seconds", Integer.toString(seconds)),
                Map.of("GATEWAY_URL", gateway.url().replace("ws://", "http://"), "TICKETING_JWT_SECRET", context.jwtSecret()),
                "message-latency-" + rate, seconds + 180L);
    }

    static void print(List<Row> rows, BenchContext context) {
        Table table = new Table("messages/s", "sent", "received", "refused", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "send->stored p50/p99", "stored->received p50/p99", "message-service CPU ms/msg", "gateway CPU ms/msg", "PostgreSQL CPU ms/msg", "broker CPU ms/msg");
        for (Row row : rows) {
            table.row(row.rate(), row.sent(), row.received(), row.refused(), row.total().get("p50"), row.total().get("p90"),
                    row.total().get("p99"), row.total().get("max"),
                    row.toStored().get("p50") + " / " + row.toStored().get("p99"),
                    row.fromStored().get("p50") + " / " + row.fromStored().get("p99"),
                    String.format("%.2f", row.serviceCpuMsPerMessage()), String.format("%.2f", row.gatewayCpuMsPerMessage()),
                    String.format("%.2f", row.postgresCpuMsPerMessage()), String.format("%.2f", row.brokerCpuMsPerMessage()));
        }
        table.print(context.out());
    }
}
