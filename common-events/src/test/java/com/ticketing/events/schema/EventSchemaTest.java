package com.ticketing.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.ticketing.events.SampleEvents;
import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventJson;
import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON Schemas shipped in {@code schemas/} describe exactly what the serde writes, type by type. */
class EventSchemaTest {

    private static final String SCHEMA_BASE = "https://ticketing.example.com/schemas/";
    private static final String SUFFIX = ".schema.json";

    /** Resolves the schemas' {@code $id}s (and so their relative {@code $ref}s) from the classpath. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaIdResolvers(resolvers -> resolvers.mapPrefix(SCHEMA_BASE, "classpath:schemas/"))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static Stream<EventType<?>> eventTypes() {
        return EventTypes.ALL.stream();
    }

    @Test
    void everyEventTypeHasASchema() {
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(EventSchemaTest.class.getResource("/schemas/" + type.name() + SUFFIX))
                    .as("schema of %s", type.name()).isNotNull();
        }
    }

    @Test
    void everySchemaFileCorrespondsToAnEventType() throws IOException, URISyntaxException {
        List<String> types = schemaFiles().stream()
                .filter(name -> !name.equals("common" + SUFFIX))
                .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                .toList();

        assertThat(types).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaNamesItsTypeAndSaysWhatTheEventMeans(EventType<?> type) {
        JsonNode schema = read("/schemas/" + type.name() + SUFFIX);

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(SCHEMA_BASE + type.name() + SUFFIX);
        assertThat(schema.get("title").asString()).startsWith(type.shortName());
        assertThat(schema.at("/properties/type/const").asString()).isEqualTo(type.name());
        assertThat(schema.get("description").asString()).contains(Topics.carrying(type).orElseThrow().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaAcceptsWhatTheSerdeWritesForItsSample(EventType<?> type) {
        assertThat(errors(type, json(SampleEvents.of(type)))).isEmpty();
    }

    @Test
    void listingUpdatedSchemaAcceptsAPriceChange() {
        assertThat(errors(EventTypes.LISTING_UPDATED, json(SampleEvents.listingUpdatedAfterPriceChange()))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everySchemaRefusesAnotherTypesEvent(EventType<?> type) {
        EventType<?> other = EventTypes.ALL.get((EventTypes.ALL.indexOf(type) + 1) % EventTypes.ALL.size());

        assertThat(errors(type, json(SampleEvents.of(other)))).isNotEmpty();
    }

    @Test
    void listingCreatedWithoutAPriceIsRefused() {
        assertRefused(EventTypes.LISTING_CREATED, event -> data(event).remove("price"));
    }

    @Test
    void aPriceAmountWrittenAsANumberIsRefused() {
        assertRefused(EventTypes.LISTING_PRICE_CHANGED, event -> ((ObjectNode) data(event).get("price")).put("amount", 120.00));
    }

    @Test
    void aCurrencyThatIsNotThreeCapitalsIsRefused() {
        assertRefused(EventTypes.TRANSACTION_CREATED, event -> ((ObjectNode) data(event).get("amount")).put("currency", "usd"));
    }

    @Test
    void moneyWithExtraFieldsIsRefused() {
        assertRefused(EventTypes.TRANSACTION_CREATED, event -> ((ObjectNode) data(event).get("amount")).put("positive", true));
    }

    @Test
    void anUnknownListingStatusIsRefused() {
        assertRefused(EventTypes.LISTING_STATUS_CHANGED, event -> data(event).put("status", "gone"));
    }

    @Test
    void anUpperCaseTransactionStatusIsRefused() {
        assertRefused(EventTypes.TRANSACTION_UPDATED, event -> data(event).put("status", "COMPLETED"));
    }

    @Test
    void aQuantityThatIsNotAnIntegerIsRefused() {
        assertRefused(EventTypes.LISTING_QUANTITY_CHANGED, event -> data(event).put("quantity", "3"));
        assertRefused(EventTypes.LISTING_QUANTITY_CHANGED, event -> data(event).put("quantity", 2.5));
    }

    @Test
    void aWrongSpecVersionIsRefused() {
        assertRefused(EventTypes.MESSAGE_SENT, event -> event.put("specversion", "0.3"));
    }

    @Test
    void anEventWithoutIdIsRefused() {
        assertRefused(EventTypes.TYPING_STARTED, event -> event.remove("id"));
    }

    @Test
    void aTimeThatIsNotUtcIsRefused() {
        assertRefused(EventTypes.PRESENCE_HEARTBEAT, event -> event.put("time", "2026-03-14T19:30:00+01:00"));
        assertRefused(EventTypes.PRESENCE_HEARTBEAT, event -> event.put("time", "2026-13-45T25:00:00Z"));
    }

    @Test
    void aStoredMessageMustSayWhetherItIsRead() {
        assertRefused(EventTypes.MESSAGE_SENT, event -> ((ObjectNode) data(event).get("message")).remove("isRead"));
    }

    @Test
    void optionalFieldsMayBeNullOrAbsent() {
        EventType<?> type = EventTypes.LISTING_STATUS_CHANGED;
        ObjectNode withNull = json(SampleEvents.of(type));
        data(withNull).putNull("reason");
        ObjectNode without = json(SampleEvents.of(type));
        data(without).remove("reason");

        assertThat(errors(type, withNull)).isEmpty();
        assertThat(errors(type, without)).isEmpty();
    }

    @Test
    void unknownExtraFieldsInDataAreAccepted() {
        ObjectNode event = json(SampleEvents.of(EventTypes.LISTING_CREATED));
        data(event).put("venue", "O2 Arena");

        assertThat(errors(EventTypes.LISTING_CREATED, event)).isEmpty();
    }

    @Test
    void theIndexListsEveryTypeWithItsSchemaAndItsTopic() {
        JsonNode events = read("/schemas/index.json").get("events");

        assertThat(events.size()).isEqualTo(EventTypes.ALL.size());
        for (int i = 0; i < EventTypes.ALL.size(); i++) {
            EventType<?> type = EventTypes.ALL.get(i);
            JsonNode entry = events.get(i);
            assertThat(entry.get("type").asString()).isEqualTo(type.name());
            assertThat(entry.get("schema").asString()).isEqualTo(type.name() + SUFFIX);
            assertThat(entry.get("topic").asString()).isEqualTo(Topics.carrying(type).map(Topic::name).orElseThrow());
        }
    }

    private static void assertRefused(EventType<?> type, Consumer<ObjectNode> spoil) {
        ObjectNode event = json(SampleEvents.of(type));
        spoil.accept(event);
        assertThat(errors(type, event)).as("errors for %s", event).isNotEmpty();
    }

    private static List<Error> errors(EventType<?> type, JsonNode event) {
        return schema(type).validate(event);
    }

    private static Schema schema(EventType<?> type) {
        return REGISTRY.getSchema(SchemaLocation.of(SCHEMA_BASE + type.name() + SUFFIX));
    }

    private static ObjectNode json(CloudEvent<?> event) {
        return (ObjectNode) EventJson.mapper().readTree(EventCodec.encode(event));
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> schemaFiles() throws IOException, URISyntaxException {
        Path dir = Path.of(EventSchemaTest.class.getResource("/schemas").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(SUFFIX)).toList();
        }
    }
}
