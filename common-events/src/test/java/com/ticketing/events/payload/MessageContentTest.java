package com.ticketing.events.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.events.payload.message.MessageContent;
import org.junit.jupiter.api.Test;

class MessageContentTest {

    @Test
    void contentIsTrimmedAndOtherwiseKeptAsGiven() {
        assertThat(MessageContent.normalise("\n  <b>hi</b>\u0007 ", 5000)).isEqualTo("<b>hi</b>\u0007");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(MessageContent.normalise("😀".repeat(10), 10)).hasSize(20);
        assertThatThrownBy(() -> MessageContent.normalise("😀".repeat(11), 10))
                .hasMessage("content must be at most 10 characters");
    }

    @Test
    void missingEmptyAndBlankContentIsRefused() {
        assertThatThrownBy(() -> MessageContent.normalise(null, 10)).hasMessage("content is required");
        assertThatThrownBy(() -> MessageContent.normalise("", 10)).hasMessage("content must not be empty");
        assertThatThrownBy(() -> MessageContent.normalise(" \u2003\t\n", 10)).hasMessage("content must not be empty");
    }

    @Test
    void nulCharacterIsRefusedBecausePostgresTextCannotHoldIt() {
        assertThatThrownBy(() -> MessageContent.normalise("\u0000", 10))
                .hasMessage("content must not contain the NUL character (U+0000)");
        assertThatThrownBy(() -> MessageContent.normalise("hi\u0000there", 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
