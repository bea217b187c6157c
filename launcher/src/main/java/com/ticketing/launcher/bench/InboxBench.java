package com.ticketing.launcher.bench;

import com.ticketing.launcher.EmbeddedPostgresServer;
import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./ticketing bench inbox}: message-service's inbox reads and search over 1,000,000 stored messages,
 * the service from its jar on {@code --gateway-opts} (the production image's by default), PostgreSQL
 * embedded and seeded with {@code message-service/bench/seed-messages.sql}, and the requests from
 * {@code bench/inbox-load.mjs} in a process of its own (closed loop, keep-alive, {@code --clients} in flight).
 * Every request kind is warmed up first (the JIT, the pool, PostgreSQL's buffers), then each is measured once
 * per client count; CPU per request is read from /proc for the service and for PostgreSQL's processes, and
 * the load generator reports its own ({@code process.cpuUsage()}): the three share the machine's cores.
 */
final class InboxBench {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String SEED = "message-service/bench/seed-messages.sql";

    /** One endpoint for one kind of user. */
    record Request(String label, String path, String users, int userCount) {
    }

    /** What the seed holds: users with 40 conversations, and four with 10,000 conversations and messages. */
    static final List<Request> REQUESTS = List.of(
            new Request("conversations, users with 40", "/api/messages/conversations", "bench-user-", 10_000),
            new Request("conversations, users with 10,000", "/api/messages/conversations", "bench-heavy-", 4),
            new Request("unread-count, users with 40", "/api/messages/unread-count", "bench-user-", 10_000),
            new Request("unread-count, users with 10,000", "/api/messages/unread-count", "bench-heavy-", 4),
            new Request("search q=tickets (every message)", "/api/messages/search?q=tickets", "bench-heavy-", 4),
            new Request("search q=section+17", "/api/messages/search?q=section+17", "bench-heavy-", 4),
            new Request("search q=w1234 (1 in 2,000)", "/api/messages/search?q=w1234", "bench-heavy-", 4),
            new Request("search q=w17+w1234", "/api/messages/search?q=w17+w1234", "bench-heavy-", 4),
            new Request("search q=nothingmatches", "/api/messages/search?q=nothingmatches", "bench-heavy-", 4));

    /** One request kind at one client count; CPU in ms per request answered. */
    record Row(Request request, int clients, JsonNode result, double serviceCpuMsPerRequest,
               double postgresCpuMsPerRequest) {
    }

    private final BenchContext context;
    private final Resources resources;

    InboxBench(BenchContext context, Resources resources) {
        this.context = context;
        this.resources = resources;
    }

    List<Row> measure() throws Exception {
        EmbeddedPostgresServer postgres = MessagesBench.postgres(context, resources);
        ServiceProcess service = resources.add(MessagesBench.messageService(context, postgres));
        service.awaitHealthy(READY_TIMEOUT); // its migrations have run: the tables the seed fills exist
        context.step("message-service is up (pid %d); seeding %s", service.pid(), SEED);
        context.step("seeded in %.1f s", seed(postgres));
        BenchOptions options = context.options();
        if (options.warmup() > 0) {
            // Every kind before the first is measured, so that none is measured on code the JIT has not compiled yet.
            int warmupEach = Math.max(1, options.warmup() / REQUESTS.size());
            context.step("warm-up: %d s of each request kind at %d clients (discarded)", warmupEach,
                    options.clients().get(options.clients().size() - 1));
            for (Request request : REQUESTS) {
                load(service, request, options.clients().get(options.clients().size() - 1), warmupEach, "warmup");
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Request request : REQUESTS) {
            for (int clients : options.clients()) {
                long serviceTicks = ProcStats.cpuTicks(service.pid());
                long postgresTicks = ProcStats.treeCpuTicks(postgres.pid());
                JsonNode result = load(service, request, clients, options.seconds(), "c" + clients);
                double answered = Math.max(1, result.get("requests").asInt());
                rows.add(new Row(request, clients, result,
                        ProcStats.cpuMillis(ProcStats.cpuTicks(service.pid()) - serviceTicks) / answered,
                        ProcStats.cpuMillis(ProcStats.treeCpuTicks(postgres.pid()) - postgresTicks) / answered));
                context.step("%s, %d clients: p50 %s ms, p99 %s ms", request.label(), clients, result.get("p50"),
                        result.get("p99"));
            }
        }
        return rows;
    }

    /** Runs the seed script statement by statement (psql's meta-commands and comments left out). */
    private double seed(EmbeddedPostgresServer postgres) throws IOException, SQLException {
        String script = Files.readString(context.home().resolve(SEED));
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "postgres");
             Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^(--|\\\\).*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private JsonNode load(ServiceProcess service, Request request, int clients, int seconds, String phase)
            throws IOException, InterruptedException {
        JsonNode result = NodeRun.result(context, resources, "inbox-load.mjs",
                List.of("--path", request.path(), "--users", request.users(), "--user-count",
                        Integer.toString(request.userCount()), "--concurrency", Integer.toString(clients),
                        "--seconds", Integer.toString(seconds)),
                Map.of("MESSAGE_SERVICE_URL", "http://127.0.0.1:" + service.port(), "TICKETING_JWT_SECRET", context.jwtSecret()),
                "inbox-" + REQUESTS.indexOf(request) + "-" + phase, seconds + 60L);
        if (!result.get("failures").isEmpty()) {
            throw new IllegalStateException(request.path() + " failed: " + result.get("failures") + " (" + phase + ")");
        }
        return result;
    }

    static void print(List<Row> rows, BenchContext context) {
        Table table = new Table("request", "clients", "requests", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms",
                "message-service CPU ms/req", "PostgreSQL CPU ms/req", "load generator CPU ms/req");
        for (Row row : rows) {
            JsonNode result = row.result();
            table.row(row.request().label(), row.clients(), result.get("requests"), result.get("perSecond"),
                    result.get("p50"), result.get("p90"), result.get("p99"), result.get("max"),
                    String.format("%.2f", row.serviceCpuMsPerRequest()), String.format("%.2f", row.postgresCpuMsPerRequest()),
                    String.format("%.2f", result.get("cpuMs").asDouble() / Math.max(1, result.get("requests").asInt())));
        }
        table.print(context.out());
    }
}
