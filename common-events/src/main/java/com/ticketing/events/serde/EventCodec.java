package com.ticketing.events.serde;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events as CloudEvents 1.0 structured JSON and reads them back into typed payloads,
 * reporting anything unreadable as an {@link EventDecodingException} with its {@link DecodeFailure}.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = EventJson.mapper();

    private EventCodec() {
    }

    /** The UTF-8 JSON of an event. */
    public static byte[] encode(CloudEvent<?> event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /**
     * Only the {@code id} of an event's JSON, read without building the rest (it comes second as written
     * here), or null when the JSON has no text {@code id} or is unreadable.
     */
    public static String idOf(byte[] json) {
        if (json == null || json.length == 0) {
            return null; // a tombstone or an empty record
        }
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("id")) {
                    return value == JsonToken.VALUE_STRING ? parser.getString() : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    /**
     * An event from its JSON, with {@code data} read into the payload record of its type. One streaming
     * pass checks the whole document and reads the attributes, noting where {@code data} lies; the
     * payload is then read from those bytes straight into its record. (Reading a tree of the whole
     * event first and binding the payload from it cost twice the work and most of what the gateway's
     * feed allocated.) The checks and their order are those of the attributes below.
     */
    public static CloudEvent<?> decode(byte[] json) {
        Envelope envelope = Envelope.read(json);
        String type = envelope.requiredText("type");
        EventType<?> eventType = EventTypes.byName(type)
                .orElseThrow(() -> new EventDecodingException(DecodeFailure.UNKNOWN_TYPE, "unknown event type " + type));
        return decode(json, envelope, eventType);
    }

    private static <T> CloudEvent<T> decode(byte[] json, Envelope envelope, EventType<T> eventType) {
        String specversion = envelope.requiredText("specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "specversion must be 1.0, was " + specversion);
        }
        String contentType = envelope.optionalText("datacontenttype");
        if (contentType != null && !contentType.startsWith(CloudEvent.JSON)) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "datacontenttype must be application/json");
        }
        if (envelope.dataStart < 0) {
            throw new EventDecodingException(DecodeFailure.INVALID_DATA, "data must be a JSON object");
        }
        T payload;
        try {
            payload = READERS.get(eventType.payloadClass()).readValue(json, envelope.dataStart,
                    envelope.dataEnd - envelope.dataStart);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventDecodingException(DecodeFailure.INVALID_DATA,
                    eventType.shortName() + " data: " + rootMessage(e), e);
        }
        return new CloudEvent<>(specversion, envelope.requiredText("id"), envelope.requiredText("source"),
                eventType.name(), time(envelope), envelope.requiredText("subject"),
                contentType == null ? CloudEvent.JSON : contentType, payload);
    }

    /** One reader per payload type, built once. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private static Instant time(Envelope envelope) {
        String time = envelope.requiredText("time");
        try {
            return UtcInstants.parse(time);
        } catch (RuntimeException e) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "time is not an RFC 3339 timestamp: " + time);
        }
    }

    /**
     * The attributes of an event as one pass over its JSON found them (the last copy of a repeated one),
     * and the byte range of {@code data} when it is an object.
     */
    private static final class Envelope {

        private static final List<String> ATTRIBUTES = List.of("specversion", "id", "source", "type", "time", "subject",
                "datacontenttype");
        /** An attribute present with a value that is neither a string nor null. */
        private static final Object NOT_A_STRING = new Object();

        private final Object[] values = new Object[ATTRIBUTES.size()];
        private int dataStart = -1;
        private int dataEnd = -1;

        static Envelope read(byte[] json) {
            if (json == null || json.length == 0) {
                throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, "empty record value");
            }
            Envelope envelope = new Envelope();
            try (JsonParser parser = MAPPER.createParser(json)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, "a CloudEvent must be a JSON object");
                }
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    envelope.take(parser.currentName(), parser);
                }
                if (parser.nextToken() != null) {
                    throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, "content after the event's JSON object");
                }
            } catch (JacksonException e) {
                throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, rootMessage(e), e);
            }
            return envelope;
        }

        private void take(String name, JsonParser parser) {
            JsonToken token = parser.nextToken();
            if (name.equals("data")) {
                dataStart = -1;
                if (token == JsonToken.START_OBJECT) {
                    dataStart = (int) parser.currentTokenLocation().getByteOffset();
                    parser.skipChildren();
                    dataEnd = (int) parser.currentTokenLocation().getByteOffset() + 1;
                } else {
                    parser.skipChildren();
                }
                return;
            }
            int attribute = ATTRIBUTES.indexOf(name);
            if (attribute < 0) {
                parser.skipChildren(); // an extension attribute
                return;
            }
            values[attribute] = switch (token) {
                case VALUE_STRING -> parser.getString();
                case VALUE_NULL -> null;
                default -> {
                    parser.skipChildren();
                    yield NOT_A_STRING;
                }
            };
        }

        String requiredText(String attribute) {
            String value = optionalText(attribute);
            if (value == null || value.isBlank()) {
                throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "missing attribute " + attribute);
            }
            return value;
        }

        String optionalText(String attribute) {
            Object value = values[ATTRIBUTES.indexOf(attribute)];
            if (value == NOT_A_STRING) {
                throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, attribute + " must be a string");
            }
            return (String) value;
        }
    }

    private static String rootMessage(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
