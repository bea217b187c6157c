package com.ticketing.launcher.faults;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.launcher.EmbeddedPostgresServer;
import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What {@code ./ticketing faults} runs on: the three-node Kafka cluster, PostgreSQL, message-service,
 * listing-events-service and two gateways, each a process of its own on free loopback ports, every topic at
 * replication factor 3 and {@code min.insync.replicas} 2, and a sticky TCP load balancer in front of each gateway.
 * Each part can be killed with -9 (only the processes started here, by their handle) and started again.
 */
final class FaultStack implements AutoCloseable {

    static final short REPLICATION_FACTOR = 3;
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

    /** The gateways' instance ids, as presence reports them. */
    static final List<String> GATEWAYS = List.of("gateway-a", "gateway-b");
    /** listing-events-service's Kafka Streams application id: the group whose committed offsets say what it has read. */
    static final String LISTING_APPLICATION_ID = "listing-events-service";

    private final Path home;
    private final Path data;
    private final List<String> jvmOptions;
    private final JwtIssuer issuer;
    private final String jwtSecret;
    private final PrintStream out;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private KafkaCluster kafka;
    private int postgresPort;
    private EmbeddedPostgresServer postgres;
    private final List<LoadBalancer> balancers = new java.util.ArrayList<>();
    private Admin admin;

    FaultStack(Path home, Path data, List<String> jvmOptions, JwtIssuer issuer, String jwtSecret, PrintStream out) {
        this.home = home;
        this.data = data;
        this.jvmOptions = jvmOptions;
        this.issuer = issuer;
        this.jwtSecret = jwtSecret;
        this.out = out;
    }

    /** @param proxied whether the brokers are reached through proxies that can cut one off (broker-partition) */
    void start(boolean proxied) throws Exception {
        step("Starting Kafka: three KRaft nodes as processes" + (proxied ? ", every connection through a proxy" : ""));
        kafka = KafkaCluster.start(data, home.resolve("launcher/target/ticketing-launcher-exec.jar"), logs(), proxied);
        register(kafka);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        register(admin);
        out.println("  brokers at " + kafka.bootstrapServers());
        List<String> created = new TopicProvisioner(admin, REPLICATION_FACTOR).provision(Topics.ALL);
        out.println("  created " + created.size() + " topics, replication factor " + REPLICATION_FACTOR
                + ", min.insync.replicas " + TopicProvisioner.minInSyncReplicas(REPLICATION_FACTOR));

        step("Starting PostgreSQL");
        postgresPort = FreePorts.next();
        startPostgres();

        Map<String, String> common = new HashMap<>();
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        common.put("TICKETING_KAFKA_REPLICATION_FACTOR", Short.toString(REPLICATION_FACTOR));
        common.put("TICKETING_JWT_SECRET", jwtSecret);
        common.put("TICKETING_DEMO_ENABLED", "true");

        Map<String, String> message = new HashMap<>(common);
        message.put("DATABASE_URL", postgres.jdbcUrl());
        message.put("DATABASE_USERNAME", EmbeddedPostgresServer.USER);
        message.put("DATABASE_PASSWORD", "postgres");
        define("message-service", message, "MESSAGE_SERVICE_PORT", "MESSAGE_SERVICE_MANAGEMENT_PORT");

        Map<String, String> listing = new HashMap<>(common);
        listing.put("TICKETING_STREAMS_STATE_DIR", data.resolve("streams/listing-events-service").toString());
        listing.put("TICKETING_STREAMS_INSTANCE_ID", "listing-events-service-1"); // restarted under its name
        listing.put("TICKETING_STREAMS_APPLICATION_ID", LISTING_APPLICATION_ID);
        // Every state change of its exactly-once producers, with its time: after a gateway crash one listing's
        // updates stop for 9-22 s; these lines showed the commits are not where they wait (README, gateway crash).
        listing.put("SPRING_APPLICATION_JSON",
                "{\"logging\":{\"level\":{\"org.apache.kafka.clients.producer.internals.TransactionManager\":\"DEBUG\"}}}");
        define("listing-events-service", listing, "LISTING_SERVICE_PORT", "LISTING_SERVICE_MANAGEMENT_PORT");

        for (String gateway : GATEWAYS) {
            Map<String, String> environment = new HashMap<>(common);
            environment.put("GATEWAY_INSTANCE_ID", gateway);
            environment.put("MESSAGE_SERVICE_URL", "http://localhost:" + ports.get("message-service"));
            environment.put("LISTING_SERVICE_URL", "http://localhost:" + ports.get("listing-events-service"));
            environment.put("TICKETING_STREAMS_STATE_DIR", data.resolve("streams/" + gateway).toString());
            define(gateway, environment, "GATEWAY_PORT", "GATEWAY_MANAGEMENT_PORT");
        }
        // Two at a time: a Spring Boot start is mostly one thread, and the gateways need both services.
        startTogether("message-service", "listing-events-service");
        startTogether(GATEWAYS.get(0), GATEWAYS.get(1));
        // One balancer per gateway, each sending all its connections to one backend at a time: sticky, as
        // Socket.IO needs (a long-polling session's requests must all reach the gateway that holds it).
        for (String gateway : GATEWAYS) {
            LoadBalancer balancer = new LoadBalancer(port(gateway));
            balancers.add(balancer);
            register(balancer);
        }
        out.println("  load balancers at " + balancers.stream().map(LoadBalancer::url).toList()
                + ", in front of " + GATEWAYS + "; clients split between them");
    }

    KafkaCluster kafka() {
        return kafka;
    }

    Admin admin() {
        return admin;
    }

    /** The balancer that normally sends its clients to gateway {@code i}. */
    LoadBalancer balancer(int i) {
        return balancers.get(i);
    }

    List<String> balancerUrls() {
        return balancers.stream().map(LoadBalancer::url).toList();
    }

    int port(String service) {
        return ports.get(service);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + EmbeddedPostgresServer.DATABASE;
    }

    String token(String user, boolean admin) {
        return issuer.issue(user, admin, Duration.ofHours(2));
    }

    long pid(String service) {
        return services.get(service).pid();
    }

    /** Kills a service with -9: the process this stack started, nothing else. */
    void kill(String service) throws InterruptedException {
        services.get(service).kill();
    }

    /**
     * Starts two services side by side and waits until both are ready, also when interrupted (so no start
     * outlives the stack's close); a failure is thrown with the other's, if any, suppressed.
     */
    private void startTogether(String first, String second) throws Exception {
        CompletableFuture<Void> other = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                startService(second);
                other.complete(null);
            } catch (Exception | Error e) {
                other.completeExceptionally(e);
            }
        }, "faults-start-" + second);
        starter.start();
        Exception failure = null;
        try {
            startService(first);
        } catch (Exception e) {
            failure = e;
        }
        boolean interrupted = false;
        while (true) {
            try {
                other.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                Exception cause = e.getCause() instanceof Exception c ? c : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Starts a service again with the environment it had, and waits until it is ready. The log of its life
     * before is kept beside the new one ({@code <service>.<n>.log}): it holds what happened up to the fault.
     */
    void startService(String service) throws IOException, InterruptedException {
        long began = System.nanoTime();
        Path previous = logs().resolve(service + ".log");
        if (Files.exists(previous)) {
            int life = 1;
            while (Files.exists(logs().resolve(service + "." + life + ".log"))) {
                life++;
            }
            Files.move(previous, logs().resolve(service + "." + life + ".log"));
        }
        String module = service.startsWith("gateway") ? "gateway-service" : service;
        ServiceProcess process = ServiceProcess.start(service, home.resolve(module + "/target/" + module + ".jar"),
                ports.get(service), environments.get(service), jvmOptions, logs());
        services.put(service, process);
        register(process);
        process.awaitHealthy(HEALTH_TIMEOUT);
        out.printf("  %s is up on :%d (%.1f s)%n", service, ports.get(service), (System.nanoTime() - began) / 1e9);
    }

    /** Stops PostgreSQL (a fast shutdown: connections are cut). */
    void stopPostgres() throws IOException {
        postgres.close();
    }

    void startPostgres() throws IOException, SQLException {
        postgres = EmbeddedPostgresServer.start(data.resolve("postgres"), data.resolve("postgres-runtime"), postgresPort);
        register(postgres);
    }

    Path logs() {
        return data.resolve("logs");
    }

    private void define(String service, Map<String, String> environment, String portVariable, String managementVariable) {
        int port = FreePorts.next();
        ports.put(service, port);
        environment.put(portVariable, Integer.toString(port));
        environment.put(managementVariable, Integer.toString(FreePorts.next()));
        environments.put(service, environment);
    }

    private void step(String message) {
        out.println("» " + message);
    }

    private synchronized void register(AutoCloseable part) {
        started.push(part);
    }

    /** Stops everything this stack started, newest first (a second call finds nothing left to stop). */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                out.println("  could not stop a part: " + e.getMessage());
            }
        }
    }
}
