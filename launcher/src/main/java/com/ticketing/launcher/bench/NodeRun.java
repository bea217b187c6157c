package com.ticketing.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of a load script of {@code bench/} that ends by printing one {@code RESULT <json>} line: its
 * output goes to a log of the run, the process is stopped with the run if it is still going.
 */
final class NodeRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NodeRun() {
    }

    /**
     * Runs {@code node bench/<script> <args>} with {@code environment} added, waits up to {@code timeoutSeconds},
     * and answers its RESULT line; fails, naming the log, when it prints none or does not finish.
     */
    static JsonNode result(BenchContext context, Resources resources, String script, List<String> args,
                           Map<String, String> environment, String logName, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = context.logDir().resolve(logName + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of("node", context.benchDir().resolve(script).toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process node = resources.add(new Child(builder.start())).process();
        if (!node.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            throw new IllegalStateException(script + " did not finish; see " + log);
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("RESULT "))
                .map(line -> JSON.readTree(line.substring("RESULT ".length()))).findFirst()
                .orElseThrow(() -> new IllegalStateException(script + " printed no result; see " + log));
    }

    /** A load-script process, stopped with the run if it is still going. */
    private record Child(Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroy();
        }
    }
}
