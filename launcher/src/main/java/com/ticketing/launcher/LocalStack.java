package com.ticketing.launcher;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.auth.JwtIssuer;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./ticketing local}: the whole stack on one machine. Starts an embedded Kafka broker and an
 * embedded PostgreSQL unless the environment points at real ones, provisions the topics, starts
 * the three services, prints READY, and on Ctrl-C stops everything it started, newest first.
 */
final class LocalStack {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    /** Quick start-up on a small machine (C1 only); {@value #JVM_OPTIONS_VARIABLE} replaces them. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** The services' JVM options instead of the quick-start ones, e.g. the production image's for a benchmark. */
    static final String JVM_OPTIONS_VARIABLE = "TICKETING_SERVICE_JVM_OPTIONS";

    private final Path home;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ServiceProcess> services = new java.util.concurrent.CopyOnWriteArrayList<>();
    private boolean stopping;

    LocalStack(Path home, Map<String, String> environment, PrintStream out) {
        this.home = home;
        this.environment = environment;
        this.out = out;
    }

    int run(int gateways, boolean fresh) throws Exception {
        Path data = home.resolve(".ticketing-data");
        if (fresh) {
            step("Wiping " + data + " (--fresh)");
            FileTree.delete(data);
        }
        Files.createDirectories(data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping the local stack…");
            stopAll();
            stopped.countDown();
        }, "ticketing-shutdown"));
        try {
            start(data, gateways);
        } catch (Exception e) {
            out.println("FAILED: " + e.getMessage());
            stopAll();
            return 1;
        }
        // A service that dies after READY must not leave a half stack that looks up: say so and stop.
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            Optional<ServiceProcess> ended = ServiceProcess.firstEnded(services);
            if (ended.isPresent() && !isStopping()) {
                out.println("FAILED: " + ended.get().name() + " exited with code " + ended.get().exitValue()
                        + " after READY; its log: " + ended.get().log() + ". Stopping the rest.");
                stopAll();
                return 1;
            }
        }
        return 0;
    }

    private void start(Path data, int gateways) throws Exception {
        String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            step("Starting Kafka (embedded KRaft broker) on localhost:" + LocalDefaults.KAFKA_PORT);
            EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), LocalDefaults.KAFKA_PORT,
                    LocalDefaults.KAFKA_CONTROLLER_PORT);
            register(kafka);
            bootstrap = kafka.bootstrapServers();
        } else {
            step("Using Kafka at " + bootstrap + " (KAFKA_BOOTSTRAP_SERVERS)");
        }
        step("Creating topics");
        provisionTopics(bootstrap);

        Map<String, String> database = new HashMap<>();
        String databaseUrl = environment.get("DATABASE_URL");
        if (databaseUrl == null || databaseUrl.isBlank()) {
            step("Starting PostgreSQL (embedded) on localhost:" + LocalDefaults.POSTGRES_PORT);
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(data.resolve("postgres"),
                    data.resolve("postgres-runtime"), LocalDefaults.POSTGRES_PORT);
            register(postgres);
            database.put("DATABASE_URL", postgres.jdbcUrl());
            database.put("DATABASE_USERNAME", EmbeddedPostgresServer.USER);
            database.put("DATABASE_PASSWORD", "postgres");
        } else {
            step("Using PostgreSQL at " + databaseUrl + " (DATABASE_URL)");
        }

        Map<String, String> common = new HashMap<>(environment);
        common.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        common.put("TICKETING_JWT_SECRET", LocalDefaults.jwtSettings(environment).secret());
        // the local stack is a demo: the services accept the published development secret only in demo mode
        common.putIfAbsent("TICKETING_DEMO_ENABLED", "true");

        Map<String, String> messageEnv = new HashMap<>(common);
        messageEnv.putAll(database);
        messageEnv.put("MESSAGE_SERVICE_PORT", Integer.toString(LocalDefaults.MESSAGE_SERVICE_PORT));
        messageEnv.put("MESSAGE_SERVICE_MANAGEMENT_PORT", Integer.toString(LocalDefaults.MESSAGE_SERVICE_MANAGEMENT_PORT));
        startService("message-service", LocalDefaults.MESSAGE_SERVICE_PORT, messageEnv);

        Map<String, String> listingEnv = new HashMap<>(common);
        listingEnv.put("LISTING_SERVICE_PORT", Integer.toString(LocalDefaults.LISTING_SERVICE_PORT));
        listingEnv.put("LISTING_SERVICE_MANAGEMENT_PORT", Integer.toString(LocalDefaults.LISTING_SERVICE_MANAGEMENT_PORT));
        listingEnv.put("TICKETING_STREAMS_STATE_DIR", data.resolve("streams/listing-events-service").toString());
        listingEnv.putIfAbsent("TICKETING_STREAMS_INSTANCE_ID", "listing-events-service-1"); // a restart rejoins at once
        startService("listing-events-service", LocalDefaults.LISTING_SERVICE_PORT, listingEnv);

        for (int i = 0; i < gateways; i++) {
            int port = LocalDefaults.GATEWAY_PORT + i;
            Map<String, String> gatewayEnv = new HashMap<>(common);
            gatewayEnv.put("GATEWAY_PORT", Integer.toString(port));
            gatewayEnv.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(LocalDefaults.GATEWAY_MANAGEMENT_PORT + i));
            gatewayEnv.put("MESSAGE_SERVICE_URL", "http://localhost:" + LocalDefaults.MESSAGE_SERVICE_PORT);
            gatewayEnv.put("LISTING_SERVICE_URL", "http://localhost:" + LocalDefaults.LISTING_SERVICE_PORT);
            gatewayEnv.put("TICKETING_STREAMS_STATE_DIR", data.resolve("streams/gateway-" + port).toString());
            startService(gateways == 1 ? "gateway-service" : "gateway-service-" + port, port, gatewayEnv);
        }

        JwtIssuer issuer = new JwtIssuer(LocalDefaults.jwtSettings(environment));
        out.println();
        out.println("READY http://localhost:" + LocalDefaults.GATEWAY_PORT);
        out.println("Token for alice: " + issuer.issue("alice", false, Duration.ofHours(12)));
        out.println("Token for bob:   " + issuer.issue("bob", false, Duration.ofHours(12)));
        out.println("Logs in " + data.resolve("logs") + ". Press Ctrl-C to stop everything.");
    }

    private void startService(String name, int port, Map<String, String> env) throws Exception {
        String module = name.startsWith("gateway-service") ? "gateway-service" : name;
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        step("Starting " + name + " on :" + port);
        long began = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(name, jar, port, env, jvmOptions(),
                home.resolve(".ticketing-data").resolve("logs"));
        register(service);
        services.add(service);
        service.awaitHealthy(HEALTH_TIMEOUT);
        out.printf("  %s is up (%.1f s)%n", name, (System.nanoTime() - began) / 1e9);
    }

    private List<String> jvmOptions() {
        return serviceJvmOptions(environment);
    }

    /** The services' JVM options: the quick-start ones, or those {@value #JVM_OPTIONS_VARIABLE} gives. */
    static List<String> serviceJvmOptions(Map<String, String> environment) {
        String configured = environment.get(JVM_OPTIONS_VARIABLE);
        return configured == null || configured.isBlank() ? SERVICE_JVM_OPTIONS
                : List.of(configured.trim().split("\\s+"));
    }

    private void provisionTopics(String bootstrap) {
        KafkaSecurity security = KafkaSecurity.fromEnvironment(environment); // an external cluster may need it
        try (Admin admin = Admin.create(security.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
            List<String> created = new TopicProvisioner(admin, (short) 1).provision(Topics.ALL);
            out.println("  " + (created.isEmpty() ? "all topics exist" : "created " + String.join(", ", created)));
        }
    }

    /** Remembers a started part; one that finished starting after Ctrl-C is stopped at once. */
    private synchronized void register(AutoCloseable part) throws Exception {
        if (stopping) {
            part.close();
            throw new IllegalStateException("stopping");
        }
        started.push(part);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private synchronized void stopAll() {
        stopping = true;
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                out.println("  could not stop " + part + ": " + e.getMessage());
            }
        }
    }

    private void step(String message) {
        out.println("» " + message);
    }

    static Path home() {
        return Path.of(System.getProperty("ticketing.home", ".")).toAbsolutePath().normalize();
    }
}
