package com.ticketing.message.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A command is judged by when its sender sent it, within what its record's time makes believable. */
class SendCommandHandlerTest {

    private static final Instant RECORD = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aCommandIsJudgedByItsRequestedAt() {
        assertThat(SendCommandHandler.sentAt(RECORD.minusSeconds(5), RECORD)).isEqualTo(RECORD.minusSeconds(5));
    }

    @Test
    void aRequestedAtAfterItsRecordOrMissingCountsAsTheRecordsTime() {
        assertThat(SendCommandHandler.sentAt(RECORD.plusSeconds(30), RECORD)).isEqualTo(RECORD);
        assertThat(SendCommandHandler.sentAt(null, RECORD)).isEqualTo(RECORD);
    }

    @Test
    void aRequestedAtFarBeforeItsRecordCannotSpreadAFloodIntoThePast() {
        assertThat(SendCommandHandler.sentAt(RECORD.minusSeconds(3600), RECORD)).isEqualTo(RECORD.minusSeconds(60));
    }
}
