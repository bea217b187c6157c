package com.ticketing.launcher.bench;

import com.ticketing.launcher.ServiceProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A server under test, started for one measurement and stopped after it: the gateway's jar with the
 * JVM options being compared, or the reference Node server. Both read the run's broker, check tokens
 * with the same secret and listen on a free port of 127.0.0.1.
 */
final class BenchServer implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final ServerKind kind;
    private final ServiceProcess process;
    private final String command;

    private BenchServer(ServerKind kind, ServiceProcess process, String command) {
        this.kind = kind;
        this.process = process;
        this.command = command;
    }

    /** Starts a server of {@code kind}, registered in {@code resources}, and waits until its health answers UP. */
    static BenchServer start(ServerKind kind, BenchContext context, Resources resources)
            throws IOException, InterruptedException {
        BenchServer server = resources.add(kind == ServerKind.GATEWAY ? gateway(context) : reference(context));
        try {
            server.process.awaitHealthy(READY_TIMEOUT);
        } catch (RuntimeException | InterruptedException e) {
            resources.close(server);
            throw e;
        }
        return server;
    }

    private static BenchServer gateway(BenchContext context) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(context.options().gatewayOpts());
        command.add("-jar");
        command.add(context.home().resolve("gateway-service/target/gateway-service.jar").toString());
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", context.bootstrapServers(),
                "TICKETING_JWT_SECRET", context.jwtSecret(),
                "GATEWAY_PORT", Integer.toString(port),
                "GATEWAY_MANAGEMENT_PORT", Integer.toString(freePort()),
                "SERVER_ADDRESS", "127.0.0.1",
                "MANAGEMENT_SERVER_ADDRESS", "127.0.0.1",
                "GATEWAY_INSTANCE_ID", "bench-gateway",
                "TICKETING_STREAMS_STATE_DIR", context.scratchDir().resolve("gateway-state").toString(),
                // the local development secret is accepted in demo mode only (contract section 6)
                "TICKETING_DEMO_ENABLED", "true");
        ServiceProcess process = ServiceProcess.startCommand("gateway-service", command, port, "/actuator/health",
                environment, context.logDir());
        return new BenchServer(ServerKind.GATEWAY, process, String.join(" ", command));
    }

    private static BenchServer reference(BenchContext context) throws IOException {
        int port = freePort();
        List<String> command = List.of("node", context.benchDir().resolve("reference-server.mjs").toString());
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", context.bootstrapServers(),
                "TICKETING_JWT_SECRET", context.jwtSecret(),
                "PORT", Integer.toString(port),
                // the reconnect storm compares with the reference's own (in-memory) connection state recovery
                "RECOVERY_MS", context.options().scenario() == BenchOptions.Scenario.RECOVERY ? "120000" : "0");
        ServiceProcess process = ServiceProcess.startCommand("reference-server", command, port, "/health",
                environment, context.logDir());
        return new BenchServer(ServerKind.NODE, process, String.join(" ", command));
    }

    ServerKind kind() {
        return kind;
    }

    long pid() {
        return process.pid();
    }

    /** Where the load workers connect. */
    String url() {
        return "ws://127.0.0.1:" + process.port();
    }

    /** The command line it was started with. */
    String command() {
        return command;
    }

    /** The JVM's effective collector and heap flags, or the Node version. */
    String runtime() {
        return kind == ServerKind.GATEWAY ? Jcmd.effectiveFlags(pid()) : "node " + nodeVersion();
    }

    @Override
    public void close() {
        process.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String nodeVersion() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(node.getInputStream().readAllBytes()).trim();
            node.waitFor();
            return version;
        } catch (IOException e) {
            return "(unknown version)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown version)";
        }
    }
}
