package com.ticketing.launcher;

import com.ticketing.events.kafka.DurableProducer;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./ticketing publish FILE.json}: publishes marketplace CloudEvents (listing and transaction
 * facts), one JSON object per line, each to the topic that carries its type, keyed by its subject. The whole file is checked first: if any
 * line is not a valid event, nothing is published and every bad line is reported.
 */
final class PublishCommand {

    /** One checked line: the event, its original bytes (published unchanged) and its topic. */
    record Outgoing(int line, CloudEvent<?> event, byte[] json, Topic topic) {
    }

    /** What marketplace services publish (contract section 5); everything else is the platform's own. */
    static final List<Topic> MARKETPLACE_TOPICS = List.of(Topics.LISTING_EVENTS, Topics.TRANSACTION_EVENTS);

    private final PrintStream out;

    PublishCommand(PrintStream out) {
        this.out = out;
    }

    int run(Path file, String bootstrapServers, KafkaSecurity security) throws IOException, InterruptedException {
        List<String> errors = new ArrayList<>();
        List<Outgoing> events = read(file, errors);
        if (!errors.isEmpty()) {
            errors.forEach(out::println);
            out.println("Nothing published: " + errors.size() + " invalid line(s) in " + file);
            return 2;
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(security.with(producerConfig(bootstrapServers)))) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (Outgoing outgoing : events) {
                sends.add(producer.send(new ProducerRecord<>(outgoing.topic().name(), outgoing.event().subject(),
                        outgoing.json())));
            }
            for (int i = 0; i < sends.size(); i++) {
                RecordMetadata metadata = sends.get(i).get();
                Outgoing outgoing = events.get(i);
                out.printf("line %d: %s %s -> %s[%d]@%d%n", outgoing.line(), outgoing.event().type(),
                        outgoing.event().subject(), metadata.topic(), metadata.partition(), metadata.offset());
            }
        } catch (ExecutionException e) {
            out.println("Publishing failed: " + e.getCause().getMessage());
            return 1;
        }
        out.println("Published " + events.size() + " event(s) to " + bootstrapServers);
        return 0;
    }

    /** Reads and checks every non-blank line; problems go to {@code errors} with their line number. */
    static List<Outgoing> read(Path file, List<String> errors) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Outgoing> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            byte[] json = line.getBytes(StandardCharsets.UTF_8);
            try {
                CloudEvent<?> event = EventCodec.decode(json);
                Topic topic = EventTypes.byName(event.type()).flatMap(Topics::carrying).orElseThrow();
                if (!MARKETPLACE_TOPICS.contains(topic)) {
                    // Messages, presence and updates are written by the platform itself, never by hand.
                    errors.add("line " + (i + 1) + ": " + event.type() + " is not a marketplace event");
                    continue;
                }
                events.add(new Outgoing(i + 1, event, json, topic));
            } catch (EventDecodingException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return events;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        return DurableProducer.config(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                "ticketing-publish", Duration.ofSeconds(30), Duration.ofMillis(5));
    }
}
