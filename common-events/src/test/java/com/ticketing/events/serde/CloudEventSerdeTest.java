package com.ticketing.events.serde;

import static com.ticketing.events.SampleEvents.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.SampleEvents;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.listing.ListingCreated;
import com.ticketing.events.payload.listing.ListingUpdated;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** What {@link CloudEventSerde} writes for each event type, and that it reads it back unchanged. */
class CloudEventSerdeTest {

    private static final String TOPIC = "any-topic";

    private final CloudEventSerde serde = new CloudEventSerde();
    private final Serializer<CloudEvent<?>> serializer = serde.serializer();
    private final Deserializer<CloudEvent<?>> deserializer = serde.deserializer();

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @Test
    void everyEventTypeHasASample() {
        assertThat(SampleEvents.all()).extracting(CloudEvent::type)
                .containsExactlyElementsOf(EventTypes.ALL.stream().map(EventType::name).toList());
        assertThat(SampleEvents.all()).extracting(CloudEvent::id).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeRoundTripsThroughTheSerde(EventType<?> type) {
        CloudEvent<?> sample = SampleEvents.of(type);

        byte[] wire = serializer.serialize(TOPIC, sample);
        CloudEvent<?> read = deserializer.deserialize(TOPIC, wire);

        assertThat(read).isEqualTo(sample);
        assertThat(read.data()).isInstanceOf(type.payloadClass());
        assertThat(serializer.serialize(TOPIC, read)).isEqualTo(wire);
    }

    @Test
    void listingCreatedRoundTripsThroughTheSerde() {
        CloudEvent<ListingCreated> sample = SampleEvents.of(EventTypes.LISTING_CREATED);

        String json = text(serializer.serialize(TOPIC, sample));

        assertThat(json).startsWith("{\"specversion\":\"1.0\",\"id\":\"")
                .contains("\"type\":\"ticketing.listing.created.v1\"")
                .contains("\"time\":\"2026-03-14T18:30:00Z\"")
                .contains("\"subject\":\"lst-7f3a\"")
                .contains("\"datacontenttype\":\"application/json\"")
                .contains("\"quantity\":4")
                .contains("\"price\":{\"amount\":\"120.00\",\"currency\":\"USD\"}");
        CloudEvent<?> read = deserializer.deserialize(TOPIC, bytes(json));
        assertThat(read.dataAs(EventTypes.LISTING_CREATED).price().amount()).hasToString("120.00");
        assertThat(read).isEqualTo(sample);
    }

    @Test
    void moneyIsExactlyAmountAndCurrencyWithTheScaleKept() {
        CloudEvent<?> sample = SampleEvents.of(EventTypes.TRANSACTION_CREATED);

        JsonNode amount = tree(serializer.serialize(TOPIC, sample)).get("data").get("amount");

        assertThat(amount.propertyNames()).containsExactly("amount", "currency");
        assertThat(amount.get("amount").isString()).isTrue();
        assertThat(amount.get("amount").asString()).isEqualTo("271.00");
    }

    @Test
    void timesAreIsoUtcStringsOnTheWire() {
        String json = text(serializer.serialize(TOPIC, SampleEvents.of(EventTypes.MESSAGE_SENT)));

        assertThat(json).contains("\"time\":\"2026-03-14T18:41:00Z\"")
                .contains("\"createdAt\":\"2026-03-14T18:41:00Z\"")
                .contains("\"isRead\":false")
                .contains("\"transactionId\":\"txn-51c2\"");
    }

    @Test
    void statusesAreLowerCaseOnTheWire() {
        String json = text(serializer.serialize(TOPIC, SampleEvents.of(EventTypes.TRANSACTION_UPDATED)));

        assertThat(json).contains("\"status\":\"payment_received\"", "\"previousStatus\":\"pending\"");
    }

    @Test
    void absentOptionalFieldsAreWrittenAsNull() {
        String json = text(serializer.serialize(TOPIC, SampleEvents.of(EventTypes.TRANSACTION_PAYMENT_RECEIVED)));

        assertThat(json).endsWith("\"data\":{\"reason\":null}}");
    }

    @Test
    void priceChangeOfListingUpdatedKeepsItsWireShape() {
        CloudEvent<ListingUpdated> sample = SampleEvents.listingUpdatedAfterPriceChange();

        byte[] wire = serializer.serialize(TOPIC, sample);

        assertThat(text(wire)).contains("\"changes\":{\"price\":{\"from\":{\"amount\":\"120.00\",\"currency\":\"USD\"},"
                + "\"to\":{\"amount\":\"135.50\",\"currency\":\"USD\"}}}");
        assertThat(serializer.serialize(TOPIC, deserializer.deserialize(TOPIC, wire))).isEqualTo(wire);
    }

    @Test
    void priceChangeOfListingUpdatedReadsBackAsMoney() {
        CloudEvent<ListingUpdated> sample = SampleEvents.listingUpdatedAfterPriceChange();

        CloudEvent<?> read = deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, sample));

        assertThat(read.dataAs(EventTypes.LISTING_UPDATED).changes().price().to()).isEqualTo(usd("135.50"));
    }

    @Test
    void aNullValueIsATombstoneBothWays() {
        assertThat(serializer.serialize(TOPIC, null)).isNull();
        assertThat(deserializer.deserialize(TOPIC, null)).isNull();
    }

    @Test
    void unknownExtraFieldsAreTolerated() {
        String json = """
                {"specversion":"1.0","id":"e-1","source":"/marketplace/listings","type":"ticketing.listing.quantity_changed.v1",
                 "time":"2026-03-14T18:30:00Z","subject":"lst-7f3a","datacontenttype":"application/json",
                 "traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
                 "data":{"quantity":3,"warehouse":"north"}}""";

        CloudEvent<?> read = deserializer.deserialize(TOPIC, bytes(json));

        assertThat(read.dataAs(EventTypes.LISTING_QUANTITY_CHANGED).quantity()).isEqualTo(3);
    }

    @Test
    void aMissingContentTypeMeansJson() {
        String json = """
                {"specversion":"1.0","id":"e-1","source":"/marketplace/listings","type":"ticketing.listing.quantity_changed.v1",
                 "time":"2026-03-14T18:30:00Z","subject":"lst-7f3a","data":{"quantity":3}}""";

        assertThat(deserializer.deserialize(TOPIC, bytes(json)).datacontenttype()).isEqualTo(CloudEvent.JSON);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] bytes) {
        return EventJson.mapper().readTree(bytes);
    }
}
