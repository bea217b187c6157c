package com.ticketing.launcher.simulate;

import com.ticketing.events.kafka.KafkaSecurity;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The command paces events at the chosen rate, sends each to its input topic, and reports every second. */
class SimulateCommandTest {

    /** Keeps what would have gone to Kafka. */
    static final class RecordingSink implements EventSink {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> send(String topic, CloudEvent<?> event) {
            sent.add(topic + " " + event.type());
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
        }
    }

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @Test
    void publishesRateTimesDurationEventsToTheInputTopicsAndReportsEachSecond() {
        RecordingSink sink = new RecordingSink();
        long started = System.nanoTime();

        int exit = new SimulateCommand(out).run(new SimulateOptions(150, 40, Duration.ofSeconds(2), 3), "abcd", sink);

        assertThat(exit).isZero();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("a 2 s simulation at 150 events/s took %d ms%n", took.toMillis());
        assertThat(took).as("paced, not published in one burst").isGreaterThanOrEqualTo(Duration.ofMillis(1_800));
        assertThat(sink.sent).hasSize(300);
        assertThat(sink.sent).allMatch(line -> line.startsWith("marketplace.listing-events ticketing.listing.")
                || line.startsWith("marketplace.transaction-events ticketing.transaction."));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("[   1s]  150 events").contains("[   2s]  150 events  listing: ")
                .contains("Published 300 events");
    }

    @Test
    void badOptionsPrintTheUsageAndPublishNothing() throws Exception {
        int exit = SimulateCommand.run(List.of("--rate", "0"), "localhost:1", KafkaSecurity.plaintext(), out);

        assertThat(exit).isEqualTo(2);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("--rate must be").contains(SimulateOptions.USAGE);
    }

    @Test
    void theKafkaProducerSettingsAreAccepted() {
        // Constructing the producer validates its configuration without contacting a broker.
        new KafkaEventSink("localhost:1", KafkaSecurity.plaintext()).close();
    }

    @Test
    void optionsHaveFriendlyDefaults() {
        SimulateOptions options = SimulateOptions.parse(List.of());

        assertThat(options.rate()).isEqualTo(20);
        assertThat(options.listings()).isEqualTo(300);
        assertThat(options.duration()).isZero();
        assertThat(SimulateOptions.parse(List.of("--rate", "5", "--listings", "10", "--duration", "30", "--seed", "1")))
                .isEqualTo(new SimulateOptions(5, 10, Duration.ofSeconds(30), 1));
    }
}
