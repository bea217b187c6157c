package com.ticketing.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.ticketing.events.SampleEvents;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.envelope.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

/** Every unreadable record fails with a typed {@link DecodeFailure}, the reason a dead-letter header carries. */
class EventDecodingTest {

    private final Deserializer<?> deserializer = new CloudEventSerde().deserializer();

    @ParameterizedTest
    @ValueSource(strings = {"{\"specversion\":", "not json", "[]", "[{\"specversion\":\"1.0\"}]", "\"1.0\"", "42", "null"})
    void whatIsNotAJsonObjectIsMalformedJson(String value) {
        assertThat(failureOf(value.getBytes(StandardCharsets.UTF_8))).isEqualTo(DecodeFailure.MALFORMED_JSON);
    }

    @Test
    void theIdIsReadWithoutTheRestWhereverItStands() {
        assertThat(EventCodec.idOf(bytes("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"data\":{\"x\":1}}"))).isEqualTo("e-1");
        assertThat(EventCodec.idOf(bytes("{\"data\":{\"id\":\"inner\",\"list\":[1,{\"id\":2}]},\"id\":\"e-2\"}")))
                .as("an id inside data is not the event's").isEqualTo("e-2");
    }

    @Test
    void anEventWithoutATextIdOrUnreadableHasNoId() {
        assertThat(EventCodec.idOf(bytes("{\"id\":42}"))).isNull();
        assertThat(EventCodec.idOf(bytes("{\"type\":\"x\"}"))).isNull();
        assertThat(EventCodec.idOf(bytes("[\"id\"]"))).isNull();
        assertThat(EventCodec.idOf(bytes("{\"id\":"))).isNull();
        assertThat(EventCodec.idOf(new byte[0])).isNull();
        assertThat(EventCodec.idOf(null)).as("a tombstone").isNull();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void emptyBytesAreMalformedJson() {
        assertThat(failureOf(new byte[0])).isEqualTo(DecodeFailure.MALFORMED_JSON);
    }

    @Test
    void aMissingIdIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.remove("id"))).isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aMissingTypeIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.remove("type"))).isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aMissingTimeIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.remove("time"))).isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aTimeThatIsNotATimestampIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("time", "yesterday")))
                .isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aWrongOrMissingSpecVersionIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("specversion", "0.3")))
                .isEqualTo(DecodeFailure.INVALID_ENVELOPE);
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.remove("specversion")))
                .isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aNonJsonContentTypeIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("datacontenttype", "application/xml")))
                .isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void anAttributeThatIsNotAStringIsAnInvalidEnvelope() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("id", 17))).isEqualTo(DecodeFailure.INVALID_ENVELOPE);
    }

    @Test
    void aTypeTheContractDoesNotKnowIsAnUnknownType() {
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("type", "ticketing.listing.teleported.v1")))
                .isEqualTo(DecodeFailure.UNKNOWN_TYPE);
        assertThat(failureOf(EventTypes.LISTING_CREATED, event -> event.put("type", "ticketing.listing.created.v2")))
                .isEqualTo(DecodeFailure.UNKNOWN_TYPE);
    }

    @Test
    void aQuantityThatIsNotANumberIsInvalidData() {
        assertThat(failureOf(EventTypes.LISTING_QUANTITY_CHANGED, event -> data(event).put("quantity", "abc")))
                .isEqualTo(DecodeFailure.INVALID_DATA);
    }

    @Test
    void anUnknownStatusIsInvalidData() {
        assertThat(failureOf(EventTypes.LISTING_STATUS_CHANGED, event -> data(event).put("status", "gone")))
                .isEqualTo(DecodeFailure.INVALID_DATA);
        assertThat(failureOf(EventTypes.TRANSACTION_UPDATED, event -> data(event).put("status", "refunded")))
                .isEqualTo(DecodeFailure.INVALID_DATA);
    }

    @Test
    void anAmountThatIsNotADecimalIsInvalidData() {
        assertThat(failureOf(EventTypes.LISTING_PRICE_CHANGED,
                event -> ((ObjectNode) data(event).get("price")).put("amount", "twelve"))).isEqualTo(DecodeFailure.INVALID_DATA);
    }

    @Test
    void aMissingCountIsInvalidData() {
        assertThat(failureOf(EventTypes.CONVERSATION_READ, event -> data(event).remove("count")))
                .isEqualTo(DecodeFailure.INVALID_DATA);
    }

    @Test
    void dataThatIsNotAnObjectIsInvalidData() {
        assertThat(failureOf(EventTypes.TYPING_STARTED, event -> event.putArray("data"))).isEqualTo(DecodeFailure.INVALID_DATA);
        assertThat(failureOf(EventTypes.TYPING_STARTED, event -> event.remove("data"))).isEqualTo(DecodeFailure.INVALID_DATA);
    }

    @Test
    void aDecodeFailureIsAKafkaSerializationExceptionNamingItsReason() {
        EventDecodingException failure = catchThrowableOfType(EventDecodingException.class,
                () -> deserializer.deserialize("t", "[]".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure).isInstanceOf(SerializationException.class);
        assertThat(failure.getMessage()).startsWith("MALFORMED_JSON: ");
    }

    @Test
    void theAttributesMayComeInAnyOrderAndTheLastCopyOfOneCounts() {
        CloudEvent<?> sample = SampleEvents.of(EventTypes.LISTING_PRICE_CHANGED);
        ObjectNode written = (ObjectNode) EventJson.mapper().readTree(EventCodec.encode(sample));
        ObjectNode reordered = EventJson.mapper().createObjectNode();
        reordered.set("data", EventJson.mapper().createObjectNode().put("listingId", "overwritten below"));
        reordered.set("data", written.get("data")); // a repeated member: the last one counts, as in a tree
        List.of("time", "subject", "type", "id", "specversion", "source")
                .forEach(name -> reordered.set(name, written.get(name)));
        reordered.put("traceparent", "00-extension-attribute");

        assertThat(EventCodec.decode(EventJson.mapper().writeValueAsBytes(reordered))).isEqualTo(sample);
    }

    @Test
    void contentAfterTheEventIsMalformedJson() {
        byte[] event = EventCodec.encode(SampleEvents.of(EventTypes.TYPING_STARTED));
        byte[] withMore = Arrays.copyOf(event, event.length + 3);
        withMore[event.length] = ' ';
        withMore[event.length + 1] = '{';
        withMore[event.length + 2] = '}';

        assertThat(failureOf(withMore)).isEqualTo(DecodeFailure.MALFORMED_JSON);
        assertThat(failureOf(Arrays.copyOf(event, event.length - 2))).as("cut short inside data")
                .isEqualTo(DecodeFailure.MALFORMED_JSON);
    }

    private DecodeFailure failureOf(EventType<?> type, Consumer<ObjectNode> spoil) {
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(EventCodec.encode(SampleEvents.of(type)));
        spoil.accept(event);
        return failureOf(EventJson.mapper().writeValueAsBytes(event));
    }

    private DecodeFailure failureOf(byte[] value) {
        EventDecodingException failure = catchThrowableOfType(EventDecodingException.class,
                () -> deserializer.deserialize("t", value));
        assertThat(failure).as("decoding %s", new String(value, StandardCharsets.UTF_8)).isNotNull();
        return failure.failure();
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }
}
