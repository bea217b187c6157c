package com.ticketing.events.serde;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
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

    /** An event from its JSON, with {@code data} read into the payload record of its type. */
    public static CloudEvent<?> decode(byte[] json) {
        JsonNode root = parse(json);
        String type = requiredText(root, "type");
        EventType<?> eventType = EventTypes.byName(type)
                .orElseThrow(() -> new EventDecodingException(DecodeFailure.UNKNOWN_TYPE, "unknown event type " + type));
        return decode(root, eventType);
    }

    private static <T> CloudEvent<T> decode(JsonNode root, EventType<T> eventType) {
        String specversion = requiredText(root, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specversion)) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "specversion must be 1.0, was " + specversion);
        }
        String contentType = optionalText(root, "datacontenttype");
        if (contentType != null && !contentType.startsWith(CloudEvent.JSON)) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "datacontenttype must be application/json");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new EventDecodingException(DecodeFailure.INVALID_DATA, "data must be a JSON object");
        }
        T payload;
        try {
            payload = MAPPER.treeToValue(data, eventType.payloadClass());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new EventDecodingException(DecodeFailure.INVALID_DATA,
                    eventType.shortName() + " data: " + rootMessage(e), e);
        }
        return new CloudEvent<>(specversion, requiredText(root, "id"), requiredText(root, "source"), eventType.name(),
                time(root), requiredText(root, "subject"), contentType == null ? CloudEvent.JSON : contentType, payload);
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, "empty record value");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, rootMessage(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException(DecodeFailure.MALFORMED_JSON, "a CloudEvent must be a JSON object");
        }
        return root;
    }

    private static Instant time(JsonNode root) {
        String time = requiredText(root, "time");
        try {
            return UtcInstants.parse(time);
        } catch (RuntimeException e) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "time is not an RFC 3339 timestamp: " + time);
        }
    }

    private static String requiredText(JsonNode root, String attribute) {
        String value = optionalText(root, attribute);
        if (value == null || value.isBlank()) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, "missing attribute " + attribute);
        }
        return value;
    }

    private static String optionalText(JsonNode root, String attribute) {
        JsonNode node = root.get(attribute);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new EventDecodingException(DecodeFailure.INVALID_ENVELOPE, attribute + " must be a string");
        }
        return node.asString();
    }

    private static String rootMessage(Exception e) {
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
