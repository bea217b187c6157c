package com.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.topic.Topics;
import com.ticketing.launcher.TicketingCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * {@code ./ticketing simulate} against the real listing-events-service: every fact the simulated market
 * publishes is accepted (none reaches a dead-letter topic) and its listings answer over the gateway.
 */
class SimulatorE2eTest {

    private static final Pattern LISTING_ID = Pattern.compile("lst-([0-9a-z]{4})-\\d{4}");
    private static final Pattern PUBLISHED = Pattern.compile("Published (\\d+) events");

    @Test
    void everythingTheSimulatorPublishesIsAcceptedByTheListingService() throws Exception {
        E2eStack stack = E2eStack.get();
        String gateway = stack.gateway(0);
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = TicketingCli.run(new String[] {"simulate", "--rate", "100", "--listings", "40", "--duration", "4"},
                Map.of("KAFKA_BOOTSTRAP_SERVERS", E2eStack.kafka()), new PrintStream(output, true, StandardCharsets.UTF_8));

        String printed = output.toString(StandardCharsets.UTF_8);
        System.out.print(printed); // kept in the failsafe report
        assertThat(exit).as(printed).isZero();
        Matcher listing = LISTING_ID.matcher(printed);
        Matcher published = PUBLISHED.matcher(printed);
        assertThat(listing.find() && published.find()).as(printed).isTrue();
        String runTag = "-" + listing.group(1) + "-";
        int count = Integer.parseInt(published.group(1));
        assertThat(count).isGreaterThanOrEqualTo(390);

        try (KafkaConsumer<String, String> consumer = fromTheBeginning(Topics.LISTING_UPDATES.name(),
                Topics.TRANSACTION_UPDATES.name(), Topics.LISTING_EVENTS.deadLetter().name(),
                Topics.TRANSACTION_EVENTS.deadLetter().name())) {
            List<String> updates = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key() != null && record.key().contains(runTag)) {
                        (record.topic().endsWith(".dlq") ? refused : updates).add(record.key() + " " + record.value());
                    }
                });
                return updates.size() >= count || !refused.isEmpty();
            });
            consumer.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (record.topic().endsWith(".dlq") && record.key() != null && record.key().contains(runTag)) {
                    refused.add(record.key() + " " + record.value());
                }
            });
            assertThat(refused).as("simulated events the listing service refused").isEmpty();
        }
        assertThat(Rest.call("GET", gateway + "/api/listings/" + listing.group(), stack.token("walter"), null).status())
                .isEqualTo(200);
    }

    private static KafkaConsumer<String, String> fromTheBeginning(String... topics) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2eStack.kafka(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
