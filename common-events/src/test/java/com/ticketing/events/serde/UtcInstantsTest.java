package com.ticketing.events.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The fast timestamp reader gives exactly what {@link Instant#parse} gives, and leaves every other form to it. */
class UtcInstantsTest {

    private final JsonMapper mapper = EventJson.mapper();

    record Stamped(Instant at) {
    }

    @Test
    void everyInstantWrittenByToStringIsReadBackAsTheStandardParserReadsIt() {
        SplittableRandom random = new SplittableRandom(42);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) { // whole seconds, millis, micros and nanos are all written differently
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(random.nextLong(min, max + 1), nanos).toString();

            assertThat(UtcInstants.parseCanonical(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }

    @Test
    void aFractionOfAnyLengthCountsFromTheDecimalPoint() {
        assertThat(UtcInstants.parseCanonical("2026-12-03T16:23:12.1Z")).isEqualTo(Instant.parse("2026-12-03T16:23:12.100Z"));
        assertThat(UtcInstants.parseCanonical("2026-12-03T16:23:12.000000007Z")).isEqualTo(Instant.ofEpochSecond(
                Instant.parse("2026-12-03T16:23:12Z").getEpochSecond(), 7));
        assertThat(UtcInstants.parseCanonical("2024-02-29T00:00:00Z")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void anyOtherFormIsLeftToTheStandardParserWhichDecidesAsBefore() {
        List<String> others = List.of("2026-12-03T16:23:12+01:00", "2026-12-03t16:23:12z", "2026-12-03T23:59:60Z",
                "2026-12-03T16:23:12.Z", "2026-12-03T16:23:12.1234567890Z", "2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
                "2026-12-03T24:00:00Z", "2026-12-03 16:23:12Z", "+2026-12-03T16:23:12Z", "2026-12-03T16:23Z", "not a time",
                "２０２６-12-03T16:23:12Z");
        for (String text : others) {
            assertThat(UtcInstants.parseCanonical(text)).as(text).isNull();
        }
        assertThat(UtcInstants.parse("2026-12-03T16:23:12+01:00")).isEqualTo(Instant.parse("2026-12-03T15:23:12Z"));
        assertThatThrownBy(() -> UtcInstants.parse("2026-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void payloadFieldsAreReadThroughTheFastPathAndTheStandardOneAlike() {
        assertThat(mapper.readValue("{\"at\":\"2026-12-03T16:23:12.5Z\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-12-03T16:23:12.500Z"));
        assertThat(mapper.readValue("{\"at\":\"2026-12-03T17:23:12+01:00\"}", Stamped.class).at())
                .isEqualTo(Instant.parse("2026-12-03T16:23:12Z"));
        assertThat(mapper.readValue("{\"at\":1764778992}", Stamped.class).at()).isEqualTo(Instant.ofEpochSecond(1764778992));
        assertThat(mapper.readValue("{\"at\":null}", Stamped.class).at()).isNull();
        assertThatThrownBy(() -> mapper.readValue("{\"at\":\"2026-02-30T00:00:00Z\"}", Stamped.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }
}
