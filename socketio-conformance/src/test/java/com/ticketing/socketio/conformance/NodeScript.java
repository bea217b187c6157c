package com.ticketing.socketio.conformance;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one of the Node scripts of {@code src/test/node} and returns the JSON line it printed. A
 * script that times out, exits non-zero or prints no JSON fails the test with everything it said.
 */
final class NodeScript {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path PROJECT = Path.of(System.getProperty("node.project", "src/test/node"));

    private NodeScript() {
    }

    static JsonNode run(Duration timeout, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("node-" + script, ".err");
            Process process = new ProcessBuilder(command).directory(PROJECT.toFile())
                    .redirectError(stderr.toFile()).start();
            String stdout;
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("%s timed out after %s\nstderr: %s", command, timeout, Files.readString(stderr));
            }
            stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            String line = lastJsonLine(stdout);
            if (process.exitValue() != 0 || line == null) {
                fail("%s exited with %d\nstdout: %s\nstderr: %s", command, process.exitValue(), stdout, errors);
            }
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + " (is Node installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String lastJsonLine(String stdout) {
        String[] lines = stdout.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.startsWith("{") ? last : null;
    }
}
