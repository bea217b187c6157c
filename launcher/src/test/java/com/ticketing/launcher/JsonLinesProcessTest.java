package com.ticketing.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The launcher's side of {@code bench/json-lines.mjs}, against a real Node process: each answer reaches the
 * command it answers, whatever became of the commands before it.
 */
class JsonLinesProcessTest {

    /** Answers {@code {"cmd": X}} with {@code {"answered": X}}, after {@code ms} when given; "exit" ends the process. */
    private static final String SCRIPT = """
            import { serveJsonLines } from "%s";
            serveJsonLines(async (command) => {
              if (command.cmd === "exit") process.exit(3);
              if (command.ms) await new Promise((resolve) => setTimeout(resolve, command.ms));
              return { answered: command.cmd };
            }, () => {});
            """;

    @TempDir
    Path dir;

    private Path script;

    @BeforeEach
    void writeScript() throws Exception {
        Path library = Path.of("..", "bench", "json-lines.mjs").toAbsolutePath().normalize();
        script = Files.writeString(dir.resolve("answering.mjs"), SCRIPT.formatted(library.toUri()));
    }

    private JsonLinesProcess start() throws Exception {
        return JsonLinesProcess.start(List.of("node", script.toString()), dir.resolve("answering.log"));
    }

    @Test
    void anAnswerItsCallerGaveUpOnIsNotTakenForTheNextCommands() throws Exception {
        try (JsonLinesProcess process = start()) {
            assertThatThrownBy(() -> process.call(Map.of("cmd", "abandoned", "ms", 300), Duration.ofMillis(20)))
                    .hasMessageContaining("did not answer within");

            // The abandoned answer comes 300 ms in, while this call still waits for its own.
            JsonNode answer = process.call(Map.of("cmd", "next", "ms", 1_500), Duration.ofSeconds(30));

            assertThat(answer.get("answered").asString()).isEqualTo("next");
        }
    }

    @Test
    void anInterruptedCallLeavesNoAnswerBehind() throws Exception {
        try (JsonLinesProcess process = start()) {
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                // Interrupts the call once it waits for its answer (which comes 300 ms in).
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> caller.getState() == Thread.State.TIMED_WAITING);
                caller.interrupt();
            });
            interrupter.start();
            assertThatThrownBy(() -> process.call(Map.of("cmd", "interrupted", "ms", 300), Duration.ofSeconds(30)))
                    .hasMessageContaining("interrupted while waiting");
            assertThat(Thread.interrupted()).isTrue(); // the flag is kept for the caller; cleared here
            interrupter.join();

            JsonNode answer = process.call(Map.of("cmd", "next", "ms", 1_500), Duration.ofSeconds(30));

            assertThat(answer.get("answered").asString()).isEqualTo("next");
        }
    }

    @Test
    void answersReadyOutOfOrderReachTheirOwnCommands() throws Exception {
        try (JsonLinesProcess process = start()) {
            JsonLinesProcess.Answer slow = process.send(Map.of("cmd", "slow", "ms", 500));
            JsonLinesProcess.Answer quick = process.send(Map.of("cmd", "quick"));

            assertThat(quick.await(Duration.ofSeconds(30)).get("answered").asString()).isEqualTo("quick");
            assertThat(slow.await(Duration.ofSeconds(30)).get("answered").asString()).isEqualTo("slow");
        }
    }

    @Test
    void aProcessThatExitsFailsTheCommandsItLeftUnansweredAtOnce() throws Exception {
        try (JsonLinesProcess process = start()) {
            JsonLinesProcess.Answer unanswered = process.send(Map.of("cmd", "unanswered", "ms", 60_000));
            process.send(Map.of("cmd", "exit"));

            long began = System.nanoTime();
            assertThatThrownBy(() -> unanswered.await(Duration.ofMinutes(2))).hasMessageContaining("exited");
            System.out.printf("an exited process's unanswered command failed after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - began).toMillis());
            // Refused at once too: by the closed pipe, or by the reader having seen the end.
            assertThatThrownBy(() -> process.call(Map.of("cmd", "after"), Duration.ofMinutes(2)))
                    .hasMessageMatching("process \\d+ (is gone|stopped answering; see its log)");
        }
    }
}
