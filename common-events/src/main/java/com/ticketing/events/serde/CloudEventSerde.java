package com.ticketing.events.serde;

import com.ticketing.events.envelope.CloudEvent;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka serde of every topic's values, for plain clients and Kafka Streams alike. Reading an
 * unreadable record throws {@link EventDecodingException}; a null value (a tombstone) stays null.
 */
public final class CloudEventSerde implements Serde<CloudEvent<?>> {

    /** Serializer half, usable as {@code value.serializer} by class name. */
    public static final class EventSerializer implements Serializer<CloudEvent<?>> {
        @Override
        public byte[] serialize(String topic, CloudEvent<?> event) {
            return event == null ? null : EventCodec.encode(event);
        }
    }

    /** Deserializer half, usable as {@code value.deserializer} by class name. */
    public static final class EventDeserializer implements Deserializer<CloudEvent<?>> {
        @Override
        public CloudEvent<?> deserialize(String topic, byte[] data) {
            return data == null ? null : EventCodec.decode(data);
        }
    }

    @Override
    public Serializer<CloudEvent<?>> serializer() {
        return new EventSerializer();
    }

    @Override
    public Deserializer<CloudEvent<?>> deserializer() {
        return new EventDeserializer();
    }
}
