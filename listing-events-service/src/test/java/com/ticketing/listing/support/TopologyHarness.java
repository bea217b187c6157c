package com.ticketing.listing.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.DeadLetterHeaders;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.dlq.RejectReason;
import com.ticketing.listing.stream.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

/** A {@link TopologyTestDriver} around one aggregate topology, with its input, update and dead-letter topics. */
public final class TopologyHarness implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> input;
    private final TestOutputTopic<String, CloudEvent<?>> updates;
    private final TestOutputTopic<String, byte[]> deadLetters;

    public TopologyHarness(Topology topology, TopicNames topics) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test-" + UUID.randomUUID());
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Path.of("target", "kafka-streams-ttd").toAbsolutePath().toString());
        this.driver = new TopologyTestDriver(topology, props);
        this.input = driver.createInputTopic(topics.input(), new StringSerializer(), new ByteArraySerializer());
        this.updates = driver.createOutputTopic(topics.updates(), new StringDeserializer(),
                new CloudEventSerde.EventDeserializer());
        this.deadLetters = driver.createOutputTopic(topics.deadLetter(), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Pipes an event keyed by its subject. */
    public void send(CloudEvent<?> event) {
        send(event.subject(), EventCodec.encode(event));
    }

    /** Pipes raw bytes under a key. */
    public void send(String key, byte[] value) {
        input.pipeInput(key, value);
    }

    /** Pipes raw text under a key. */
    public void send(String key, String value) {
        send(key, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Pipes a record with headers. */
    public void send(TestRecord<String, byte[]> record) {
        input.pipeInput(record);
    }

    /** Every update emitted since the last read. */
    public List<TestRecord<String, CloudEvent<?>>> updates() {
        return updates.readRecordsToList();
    }

    /** Every dead letter emitted since the last read. */
    public List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    /** The payload of the only update emitted since the last read. */
    public <T> T singleUpdate(Class<T> payload) {
        var records = updates();
        assertThat(records).hasSize(1);
        return payload.cast(records.get(0).value().data());
    }

    /** Asserts nothing was emitted, then that exactly one dead letter carries {@code reason}; returns it. */
    public TestRecord<String, byte[]> assertRefused(RejectReason reason) {
        assertThat(updates()).as("updates of a refused event").isEmpty();
        var letters = deadLetters();
        assertThat(letters).as("dead letters").hasSize(1);
        Headers headers = letters.get(0).headers();
        assertThat(DeadLetters.text(headers, DeadLetterHeaders.REASON)).isEqualTo(reason.name());
        assertThat(DeadLetters.text(headers, DeadLetterHeaders.MESSAGE)).isNotBlank();
        return letters.get(0);
    }

    /** Asserts nothing went to the dead-letter topic. */
    /** How many repeated event ids the aggregate's processor dropped so far (its Streams metric). */
    public double repeatedEvents() {
        return driver.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().name().equals("repeated-events-total"))
                .mapToDouble(metric -> ((Number) metric.getValue().metricValue()).doubleValue()).sum();
    }

    public void assertNoDeadLetters() {
        assertThat(deadLetters()).isEmpty();
    }

    /** The store of the topology, read directly. */
    public <V> KeyValueStore<String, V> store(String name) {
        return driver.getKeyValueStore(name);
    }

    @Override
    public void close() {
        driver.close();
    }
}
