package com.ticketing.listing.stream;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.CloudEventSerde;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import com.ticketing.listing.dlq.DeadLetters;
import com.ticketing.listing.dlq.RejectReason;
import com.ticketing.listing.dlq.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates each raw input record against one aggregate's rules and state: an accepted event
 * updates the store and emits its update; an event id the aggregate accepted lately (its last 64) is
 * dropped and counted; anything else (undecodable bytes included) goes unchanged to the dead-letter sink
 * with the reason in its headers. Records are decoded here, not
 * by the source's deserializer, so the dead-letter write is part of the same exactly-once
 * transaction as the offsets and a poison record can never stop the stream.
 */
final class AggregateProcessor<S extends AggregateState<S>> implements Processor<byte[], byte[], Object, Object> {

    static final String SOURCE = "/listing-events-service";
    /** Streams metrics {@code repeated-events-total} and {@code -rate} per store: event ids seen again and dropped. */
    static final String METRICS_SCOPE = "ticketing";
    static final String REPEATS = "repeated-events";

    private static final Logger log = LoggerFactory.getLogger(AggregateProcessor.class);

    private final AggregateRules<S> rules;
    private final String storeName;
    private final Serializer<S> stateSerializer;
    private final Serializer<CloudEvent<?>> updateSerializer = new CloudEventSerde.EventSerializer();
    private final int maxRecordBytes;
    private final String updatesSink;
    private final String deadLetterSink;

    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, S> store;
    private Sensor repeats;

    AggregateProcessor(AggregateRules<S> rules, String storeName, Serde<S> stateSerde, int maxRecordBytes,
                       String updatesSink, String deadLetterSink) {
        this.rules = rules;
        this.storeName = storeName;
        this.stateSerializer = stateSerde.serializer();
        this.maxRecordBytes = maxRecordBytes;
        this.updatesSink = updatesSink;
        this.deadLetterSink = deadLetterSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        this.repeats = context.metrics().addRateTotalSensor(METRICS_SCOPE, storeName, REPEATS, Sensor.RecordingLevel.INFO);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        CloudEvent<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            deadLetter(record, Rejection.of(RejectReason.of(e.failure()), e.getMessage()));
            return;
        }
        if (EventTypes.byName(event.type()).filter(rules.inputTypes()::contains).isEmpty()) {
            deadLetter(record, Rejection.of(RejectReason.UNKNOWN_TYPE, event.type() + " does not belong on this topic"));
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (event.subject() == null || !event.subject().equals(key)) {
            deadLetter(record, Rejection.of(RejectReason.KEY_MISMATCH,
                    "record key " + key + " is not the event subject " + event.subject()));
            return;
        }
        S current = store.get(key);
        if (current != null && current.hasAccepted(event.id())) {
            // A repeat is no invalid event (a producer's retry, a replayed batch): dropped and counted, not parked.
            repeats.record();
            log.debug("Dropped event {} of {}: already applied", event.id(), key);
            return;
        }
        Outcome<S> outcome = decide(key, current, event);
        if (outcome instanceof Outcome.Accepted<S> accepted) {
            applyOrPark(record, key, current, event, accepted);
        } else if (outcome instanceof Outcome.Rejected<S> rejected) {
            deadLetter(record, rejected.rejection());
        }
    }

    private Outcome<S> decide(String key, S current, CloudEvent<?> event) {
        try {
            return rules.decide(key, current, event);
        } catch (RuntimeException e) {
            log.error("Rules failed on event {} of {}; parking it in the dead-letter topic", event.id(), key, e);
            return Outcome.reject(RejectReason.PROCESSING_ERROR, String.valueOf(e));
        }
    }

    /**
     * Applies an accepted event; if storing or emitting it fails (a value the state serde cannot write, say),
     * the state is put back and the record parked as a processing error. Thrown on, the failure would kill
     * the stream thread, and exactly-once would replay the same record into the replacement for ever.
     */
    private void applyOrPark(Record<byte[], byte[]> record, String key, S current, CloudEvent<?> event,
                             Outcome.Accepted<S> accepted) {
        try {
            apply(record, key, event, accepted);
        } catch (RuntimeException e) {
            log.error("Applying event {} of {} failed; parking it in the dead-letter topic", event.id(), key, e);
            if (current == null) {
                store.delete(key);
            } else {
                store.put(key, current);
            }
            deadLetter(record, Rejection.of(RejectReason.PROCESSING_ERROR, String.valueOf(e)));
        }
    }

    /**
     * Stores the new state and forwards the updates, once both are known to fit in a record. Under
     * exactly-once a record the producer or broker refuses cannot be skipped (the transaction is left
     * in an error state, the thread dies, and its replacement meets the same record), so the size is
     * checked here, where the event can still be parked instead.
     */
    private void apply(Record<byte[], byte[]> record, String key, CloudEvent<?> event, Outcome.Accepted<S> accepted) {
        S next = accepted.state().remember(event.id());
        requireFits(key, "state", stateSerializer.serialize(storeName, next).length);
        List<Object> payloads = accepted.updates();
        List<CloudEvent<Object>> updates = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            CloudEvent<Object> update = new CloudEvent<>(CloudEvent.SPEC_VERSION, UpdateIds.derive(event.id(), i), SOURCE,
                    rules.updateType().name(), event.time(), key, CloudEvent.JSON, payloads.get(i));
            requireFits(key, "update", updateSerializer.serialize(null, update).length);
            updates.add(update);
        }
        store.put(key, next);
        for (CloudEvent<Object> update : updates) {
            context.forward(new Record<Object, Object>(key, update, record.timestamp(), new RecordHeaders()), updatesSink);
        }
    }

    private void requireFits(String key, String what, int bytes) {
        if (bytes > maxRecordBytes) {
            throw new IllegalStateException("the " + what + " of " + key + " would be " + bytes
                    + " bytes, over the " + maxRecordBytes + " a record may carry");
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, Rejection rejection) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        log.debug("Refused record {}-{}@{}: {} {}", origin.topic(), origin.partition(), origin.offset(),
                rejection.reason(), rejection.message());
        var headers = DeadLetters.headers(record.headers(), rejection, origin.topic(), origin.partition(), origin.offset());
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), deadLetterSink);
    }
}
