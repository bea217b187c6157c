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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A helper process driven with one JSON command per line on its stdin, answering one JSON line per
 * command on its stdout (the benchmarks' and the fault suite's Node scripts); its stderr goes to a log.
 * Closing its stdin ends it.
 */
public final class JsonLinesProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final BufferedWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private JsonLinesProcess(Process process) {
        this.process = process;
        this.commands = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(this::readAnswers, "json-lines-" + process.pid());
        reader.setDaemon(true);
        reader.start();
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
    public synchronized JsonNode call(Map<String, ?> command, Duration timeout) {
        send(command);
        return receive(timeout);
    }

    /** Sends one command; its answer is read with {@link #receive}. */
    public void send(Map<String, ?> command) {
        try {
            commands.write(JSON.writeValueAsString(command));
            commands.newLine();
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("process " + process.pid() + " is gone", e);
        }
    }

    /** The next answer. */
    public JsonNode receive(Duration timeout) {
        try {
            String line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new IllegalStateException("process " + process.pid() + (process.isAlive()
                        ? " did not answer within " + timeout.toSeconds() + " s" : " exited") + "; see its log");
            }
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for process " + process.pid(), e);
        }
    }

    private void readAnswers() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                answers.add(line);
            }
        } catch (IOException closed) {
            // the process ended
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
