package com.ticketing.message.bench;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.message.MessageServiceApplication;
import com.ticketing.message.support.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures the inbox reads ({@code GET /api/messages/conversations}, {@code unread-count}) and search
 * ({@code GET /api/messages/search}) against 1,000,000 seeded messages and prints p50/p90/p99 for each;
 * no assertions. Typical users have 40 conversations; the heavy users 10,000 conversations and
 * 10,000 messages each. Self-contained: embedded PostgreSQL, {@code bench/seed-messages.sql},
 * the service on a random port (Kafka parts switched off: the endpoint does not touch Kafka).
 * <p>
 * Run from the repository root (see message-service/README.md): {@code mvn -B -o -q -pl message-service
 * test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/msg-cp.txt}, then {@code java -cp
 * message-service/target/classes:message-service/target/test-classes:$(cat /tmp/msg-cp.txt)
 * com.ticketing.message.bench.ConversationsBenchmark [requests] [concurrency]}.
 */
public final class ConversationsBenchmark {

    private static final String SECRET = "benchmark-secret-that-is-long-enough-for-hs256";

    private ConversationsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String jdbcUrl = TestPostgres.migratedJdbcUrl("bench");
        seed(jdbcUrl);

        try (ConfigurableApplicationContext app = new SpringApplication(MessageServiceApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--ticketing.database.url=" + jdbcUrl,
                "--ticketing.database.username=" + TestPostgres.USER, "--ticketing.database.password=",
                "--ticketing.database.pool-size=" + Math.max(4, concurrency * 2),
                "--ticketing.jwt.secret=" + SECRET, "--ticketing.kafka.provision-topics=false",
                "--ticketing.commands.enabled=false", "--ticketing.outbox.relay-enabled=false",
                "--spring.kafka.bootstrap-servers=localhost:1", "--logging.level.root=WARN",
                "--logging.level.org.apache.kafka=OFF")) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/api/messages";
            List<String> typical = users("bench-user-", 10_000);
            List<String> heavy = users("bench-heavy-", 4);
            run("conversations, typical users", base + "/conversations", typical, requests, concurrency);
            run("conversations, 10,000-conversation users", base + "/conversations", heavy, requests, concurrency);
            run("unread-count, typical users", base + "/unread-count", typical, requests, concurrency);
            run("unread-count, 10,000-conversation users", base + "/unread-count", heavy, requests, concurrency);
            for (String words : List.of("tickets", "section 17", "w1234", "w17 w1234", "nothingmatches")) {
                run("search q=" + words + ", 10,000-message users",
                        base + "/search?q=" + words.replace(" ", "+"), heavy, requests, concurrency);
            }
        }
        System.exit(0);
    }

    private static void seed(String jdbcUrl) throws Exception {
        String script = Files.readString(Path.of(System.getProperty("bench.seed", "message-service/bench/seed-messages.sql")));
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, TestPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^(--|\\\\).*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        System.out.printf("seeded 1,000,000 messages in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Up to 500 users picked at random from {@code prefix0 .. prefix(count-1)}. */
    private static List<String> users(String prefix, int count) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < Math.min(500, count); i++) {
            users.add(prefix + (count <= 500 ? i : ThreadLocalRandom.current().nextInt(count)));
        }
        return users;
    }

    private static void run(String label, String url, List<String> users, int requests, int concurrency)
            throws Exception {
        JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(SECRET));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> tokens = users.stream().map(user -> issuer.issue(user, false, Duration.ofHours(1))).toList();
        URI uri = URI.create(url);
        timed(http, uri, tokens, 300, concurrency); // warm-up: JIT, pool, PostgreSQL caches
        long start = System.nanoTime();
        List<Long> latencies = timed(http, uri, tokens, requests, concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        System.out.printf("%s: %d requests, concurrency %d, %.0f req/s%n", label, requests, concurrency,
                requests / seconds);
        System.out.printf("p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
    }

    private static List<Long> timed(HttpClient http, URI uri, List<String> tokens, int requests, int concurrency)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String token = tokens.get(i % tokens.size());
                results.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long elapsed = System.nanoTime() - t0;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
                    }
                    return elapsed;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> result : results) {
                latencies.add(result.get());
            }
            return latencies;
        } finally {
            pool.shutdown();
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
