package com.ticketing.e2e;

import com.ticketing.auth.JwtIssuer;
import com.ticketing.auth.JwtSettings;
import com.ticketing.launcher.EmbeddedPostgresServer;
import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The whole platform for end-to-end tests, started once per test JVM: the shared embedded Kafka
 * broker, a real PostgreSQL, and the services as real processes from their built jars (exactly what
 * {@code ./ticketing local} runs), each part started on first use and stopped when the JVM ends.
 * A test that needs the platform against another broker (a secured one) builds its own with
 * {@link #against} and closes it.
 */
public final class E2eStack implements AutoCloseable {

    public static final String JWT_SECRET = "e2e-test-secret-that-is-long-enough-for-hs256";
    private static final Path ROOT = Path.of(System.getProperty("ticketing.root", "..")).toAbsolutePath().normalize();
    /** A fresh directory per run: a process left over from an aborted run can never hold our state. */
    private static final Path WORK = Path.of("target", "e2e", "run-" + System.currentTimeMillis()).toAbsolutePath();

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);

    private final Supplier<String> kafka;
    private final Path work;
    /** Extra environment by module name (gateway-service, message-service, listing-events-service). */
    private final Map<String, Map<String, String>> moduleEnvironment;
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final JwtIssuer issuer = new JwtIssuer(JwtSettings.hs256(JWT_SECRET));
    private EmbeddedPostgresServer postgres;

    /** Marks the service processes as ours, so a later run can find those an aborted run left behind. */
    private static final String OWNER_MARK = "-Dticketing.e2e.owner=";
    /** Declared after every constant its constructor reads. */
    private static final E2eStack INSTANCE = new E2eStack(E2eStack::kafka, WORK, Map.of());

    private E2eStack(Supplier<String> kafka, Path work, Map<String, Map<String, String>> moduleEnvironment) {
        this.kafka = kafka;
        this.work = work;
        this.moduleEnvironment = moduleEnvironment;
        killOrphansOfAbortedRuns();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "e2e-stack-stop"));
    }

    /** A stack of its own against {@code bootstrapServers}, each module with its extra environment; close it. */
    public static E2eStack against(String label, String bootstrapServers, Map<String, Map<String, String>> moduleEnvironment) {
        return new E2eStack(() -> bootstrapServers, WORK.resolve(label), moduleEnvironment);
    }

    @Override
    public void close() {
        stopAll();
    }

    private static void killOrphansOfAbortedRuns() {
        ProcessHandle.allProcesses().forEach(process -> process.info().arguments().ifPresent(args -> {
            for (String arg : args) {
                if (arg.startsWith(OWNER_MARK)) {
                    long owner = Long.parseLong(arg.substring(OWNER_MARK.length()));
                    if (!ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                        process.destroyForcibly();
                    }
                }
            }
        }));
    }

    public static E2eStack get() {
        return INSTANCE;
    }

    public static String kafka() {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        if (brokers == null) {
            throw new IllegalStateException("the shared embedded Kafka broker is not running (junit-platform.properties)");
        }
        return brokers;
    }

    public String token(String userId) {
        return issuer.issue(userId, false, Duration.ofHours(1));
    }

    public String token(String userId, boolean admin, Duration ttl) {
        return issuer.issue(userId, admin, ttl);
    }

    /**
     * The URL of gateway instance {@code index} (started on first use, after both back-end services). The
     * stack's two usual gateways, 0 and 1, start side by side when either is first asked for, as the two
     * back-end services do: a Spring Boot start is mostly one thread, and this machine has two cores.
     */
    public synchronized String gateway(int index) {
        backEnds();
        if (index <= 1 && !services.containsKey("gateway-0") && !services.containsKey("gateway-1")) {
            together(() -> gatewayProcess(0), () -> gatewayProcess(1));
        }
        return "http://localhost:" + gatewayProcess(index).port();
    }

    private ServiceProcess gatewayProcess(int index) {
        return service("gateway-" + index, "gateway-service", this::gatewayEnvironment);
    }

    private void backEnds() {
        if (!services.containsKey("message-service") || !services.containsKey("listing-events-service")) {
            postgres();
            together(this::messageProcess, this::listingProcess);
        }
    }

    /** Runs two starts at once and waits for both; a failure is thrown with the other's, if any, suppressed. */
    private static void together(Supplier<ServiceProcess> first, Supplier<ServiceProcess> second) {
        CompletableFuture<ServiceProcess> other = CompletableFuture.supplyAsync(second,
                runnable -> new Thread(runnable, "e2e-stack-start").start());
        RuntimeException failure = null;
        try {
            first.get();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            other.join();
        } catch (CompletionException e) {
            RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
            if (failure == null) {
                failure = cause;
            } else {
                failure.addSuppressed(cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A gateway of its own named {@code name}, started with {@code jvmOptions} instead of the usual ones
     * (a small heap, say); its process, to watch and to stop.
     */
    public synchronized ServiceProcess gatewayWith(String name, List<String> jvmOptions) {
        return gatewayWith(name, jvmOptions, Map.of());
    }

    /** As {@link #gatewayWith(String, List)}, with settings of its own on top of the usual environment. */
    public synchronized ServiceProcess gatewayWith(String name, List<String> jvmOptions, Map<String, String> settings) {
        backEnds();
        return service(name, "gateway-service", port -> {
            Map<String, String> env = gatewayEnvironment(port);
            env.putAll(settings);
            return env;
        }, jvmOptions);
    }

    /** The repository's root. */
    public static Path root() {
        return ROOT;
    }

    /** The usual JVM options of the stack's services. */
    public static List<String> serviceJvmOptions() {
        return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    public synchronized String messageService() {
        backEnds();
        return "http://localhost:" + messageProcess().port();
    }

    public synchronized String listingService() {
        backEnds();
        return "http://localhost:" + listingProcess().port();
    }

    private ServiceProcess messageProcess() {
        return service("message-service", "message-service", port -> {
            Map<String, String> env = common();
            env.put("MESSAGE_SERVICE_PORT", Integer.toString(port));
            env.put("MESSAGE_SERVICE_MANAGEMENT_PORT", Integer.toString(freePortOrFail()));
            env.put("DATABASE_URL", postgres().jdbcUrl());
            env.put("DATABASE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("DATABASE_PASSWORD", "postgres");
            return env;
        });
    }

    private ServiceProcess listingProcess() {
        return service("listing-events-service", "listing-events-service", port -> {
            Map<String, String> env = common();
            env.put("LISTING_SERVICE_PORT", Integer.toString(port));
            env.put("LISTING_SERVICE_MANAGEMENT_PORT", Integer.toString(freePortOrFail()));
            env.put("TICKETING_STREAMS_STATE_DIR", work.resolve("state/listing").toString());
            return env;
        });
    }

    /** Kills a gateway instance the hard way (no goodbye), as a crash would. */
    public synchronized void kill(int gatewayIndex) throws InterruptedException {
        ServiceProcess gateway = services.remove("gateway-" + gatewayIndex);
        if (gateway != null) {
            gateway.kill();
        }
    }

    private Map<String, String> gatewayEnvironment(int port) {
        Map<String, String> env = common();
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_MANAGEMENT_PORT", Integer.toString(freePortOrFail()));
        env.put("MESSAGE_SERVICE_URL", "http://localhost:" + messageProcess().port()); // started before any gateway
        env.put("LISTING_SERVICE_URL", "http://localhost:" + listingProcess().port());
        env.put("TICKETING_STREAMS_STATE_DIR", work.resolve("state/gateway-" + port).toString());
        env.put("TICKETING_DEMO_ENABLED", "true");
        return env;
    }

    private Map<String, String> common() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.get());
        env.put("TICKETING_JWT_SECRET", JWT_SECRET);
        return env;
    }

    private ServiceProcess service(String name, String module, IntFunction<Map<String, String>> env) {
        return service(name, module, env, serviceJvmOptions());
    }

    private ServiceProcess service(String name, String module, IntFunction<Map<String, String>> env,
                                   List<String> jvmOptions) {
        ServiceProcess running = services.get(name);
        if (running != null) {
            return running;
        }
        try {
            int port = freePort();
            List<String> options = new java.util.ArrayList<>(jvmOptions);
            options.add(OWNER_MARK + ProcessHandle.current().pid());
            ServiceProcess process = ServiceProcess.start(name, ROOT.resolve(module).resolve("target").resolve(module + ".jar"),
                    port, withModuleEnvironment(module, env.apply(port)), options, work.resolve("logs"));
            try {
                process.awaitHealthy(HEALTH_TIMEOUT);
            } catch (RuntimeException notHealthy) {
                process.close();
                throw notHealthy;
            }
            services.put(name, process);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            try {
                Path data = work.resolve("postgres");
                postgres = EmbeddedPostgresServer.start(data, work.resolve("postgres-runtime"), 0);
            } catch (Exception e) {
                throw new IllegalStateException("could not start PostgreSQL", e);
            }
        }
        return postgres;
    }

    private Map<String, String> withModuleEnvironment(String module, Map<String, String> env) {
        env.putAll(moduleEnvironment.getOrDefault(module, Map.of()));
        return env;
    }

    private static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the services side by side (each may take seconds to shut down), then PostgreSQL. */
    private synchronized void stopAll() {
        services.values().parallelStream().forEach(ServiceProcess::close);
        services.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
            postgres = null;
        }
    }
}
