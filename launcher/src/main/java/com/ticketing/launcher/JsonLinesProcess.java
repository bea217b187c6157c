package com.ticketing.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A helper process driven with one JSON command per line on its stdin, answering one JSON line per
 * command on its stdout (the benchmarks' and the fault suite's Node scripts, through {@code bench/json-lines.mjs});
 * its stderr goes to a log. Each command carries an id its answer repeats, so an answer nobody waits for any
 * more (its caller timed out or was interrupted) is dropped instead of being taken for the next command's.
 * Closing its stdin ends it.
 */
public final class JsonLinesProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final BufferedWriter commands;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
    private volatile boolean ended;

    private JsonLinesProcess(Process process) {
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "json-lines-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** The answer to one command sent with {@link #send}. */
    public final class Answer {

        private final long id;
        private final CompletableFuture<JsonNode> answer;

        private Answer(long id, CompletableFuture<JsonNode> answer) {
            this.id = id;
            this.answer = answer;
        }

        /** Waits for it; past {@code timeout}, or when interrupted, gives up and drops it when it comes. */
        public JsonNode await(Duration timeout) {
            try {
                return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("process " + process.pid() + (process.isAlive()
                        ? " did not answer within " + timeout.toSeconds() + " s" : " exited") + "; see its log");
            } catch (ExecutionException e) {
                throw new IllegalStateException("process " + process.pid() + " " + e.getCause().getMessage()
                        + "; see its log", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for process " + process.pid(), e);
            } finally {
                awaited.remove(id);
            }
        }
    }

    /** Starts {@code command}, its stderr appended to {@code log}. */
    public static JsonLinesProcess start(List<String> command, Path log) throws IOException {
        return start(command, Map.of(), log);
    }

    /** Starts {@code command} with {@code environment} added to this process's, its stderr appended to {@code log}. */
    public static JsonLinesProcess start(List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new JsonLinesProcess(builder.start());
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one command and waits for its answer. */
    public JsonNode call(Map<String, ?> command, Duration timeout) {
        return send(command).await(timeout);
    }

    /** Sends one command without waiting: several may be under way at once, on this process and on others. */
    public Answer send(Map<String, ?> command) {
        long id = ids.incrementAndGet();
        Map<String, Object> numbered = new LinkedHashMap<>(command);
        numbered.put("id", id);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        awaited.put(id, answer);
        try {
            synchronized (commands) {
                commands.write(JSON.writeValueAsString(numbered));
                commands.newLine();
                commands.flush();
            }
        } catch (IOException e) {
            awaited.remove(id);
            throw new UncheckedIOException("process " + process.pid() + " is gone", e);
        }
        if (ended) {
            answer.completeExceptionally(new IllegalStateException("stopped answering")); // no one is left to answer it
        }
        return new Answer(id, answer);
    }

    private void readAnswers() {
        String ending = "exited";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode reply = JSON.readTree(line);
                CompletableFuture<JsonNode> answer = awaited.remove(reply.path("id").asLong(-1));
                if (answer != null) { // else its caller gave up on it
                    answer.complete(reply.get("answer"));
                }
            }
        } catch (IOException closed) {
            // the process ended
        } catch (JacksonException e) {
            ending = "wrote a line that is not JSON: " + e.getOriginalMessage(); // a bug in the script: fail loudly
        } finally {
            ended = true; // before failing what is awaited, so a command sent meanwhile sees it
            IllegalStateException cause = new IllegalStateException(ending);
            awaited.values().forEach(answer -> answer.completeExceptionally(cause));
        }
    }

    /** Closes its stdin, which ends it; kills it if it has not ended within 10 s. */
    @Override
    public void close() {
        try {
            commands.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException alreadyGone) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
