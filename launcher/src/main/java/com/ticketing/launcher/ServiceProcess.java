package com.ticketing.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service of the stack running as a child process (usually a JVM: {@code java -jar}), its output
 * in a log file, considered started once its health endpoint answers UP.
 */
public final class ServiceProcess implements AutoCloseable {

    /** HTTP/1.1: an h2c upgrade offer would reach a Node server as an 'upgrade', never as a request. */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private static final String ACTUATOR_HEALTH = "/actuator/health";

    private final String name;
    private final int port;
    private final String healthPath;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, String healthPath, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.healthPath = healthPath;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code jar} with the given environment, logging to {@code logDir/<name>.log}. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
                                Path logDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with `mvn -B -DskipTests package` first");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return startCommand(name, command, port, ACTUATOR_HEALTH, environment, logDir);
    }

    /** Starts any command that serves {@code healthPath} on {@code port}, logging to {@code logDir/<name>.log}. */
    public static ServiceProcess startCommand(String name, List<String> command, int port, String healthPath,
                                              Map<String, String> environment, Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(name, port, healthPath, builder.start(), log);
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the process (for /proc and jcmd). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code of a process that ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /** The first of {@code services} that is no longer running, if any. */
    public static Optional<ServiceProcess> firstEnded(Collection<ServiceProcess> services) {
        return services.stream().filter(service -> !service.isAlive()).findFirst();
    }

    /** Waits until the health endpoint answers 200 UP; fails if the process dies or time runs out. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + healthPath))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    /** Kills the process at once (SIGKILL), as a crash would: no goodbye, no shutdown hooks. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Asks the service to stop (SIGTERM), and kills it if it has not stopped after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
