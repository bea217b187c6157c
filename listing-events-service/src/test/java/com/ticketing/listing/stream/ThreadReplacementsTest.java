package com.ticketing.listing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Repeated stream-thread replacement within five minutes is a crash loop, and health says DOWN. */
class ThreadReplacementsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final ThreadReplacements replacements = new ThreadReplacements(3, Duration.ofMinutes(5), clock);

    @Test
    void oneOrTwoReplacementsAreHiccupsAndTheThirdWithinFiveMinutesIsACrashLoop() {
        replacements.record();
        replacements.record();
        assertThat(replacements.tooMany()).isFalse();
        replacements.record();
        assertThat(replacements.tooMany()).isTrue();
    }

    @Test
    void replacementsOlderThanTheWindowAreForgotten() {
        replacements.record();
        replacements.record();
        replacements.record();
        now.set(now.get().plus(Duration.ofMinutes(6)));
        assertThat(replacements.tooMany()).isFalse();
        assertThat(replacements.withinWindow()).isZero();
    }
}
