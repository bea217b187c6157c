package com.ticketing.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageRulesTest {

    private final MessageRules rules = new MessageRules(5000);

    @Test
    void contentIsTrimmedAndKeptAsGiven() {
        assertThat(rules.send("alice", "bob", "\n  <script>alert(1)</script> ", null, null, null).content())
                .isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(rules.content("😀".repeat(5000))).hasSize(10000);
        assertThatThrownBy(() -> rules.content("😀".repeat(5001))).isInstanceOf(MessageRefusedException.class);
    }

    @Test
    void emptyBlankAndTooLongContentAreRefused() {
        assertRefused(() -> rules.content(null));
        assertRefused(() -> rules.content(""));
        assertRefused(() -> rules.content(" \u2003\t"));
        assertRefused(() -> rules.content("a".repeat(5001)));
        assertRefused(() -> rules.content("nul \u0000 inside"));
        assertThat(new MessageRules(10).content(" 0123456789 ")).isEqualTo("0123456789");
    }

    @Test
    void idsAreUpTo64SafeCharacters() {
        assertThat(MessageRules.requireId("userId", "user_1.a:b@c-d")).isEqualTo("user_1.a:b@c-d");
        assertThat(MessageRules.requireId("userId", "a".repeat(64))).hasSize(64);
        assertRefused(() -> MessageRules.requireId("userId", "a".repeat(65)));
        assertRefused(() -> MessageRules.requireId("userId", "a b"));
        assertRefused(() -> MessageRules.requireId("userId", "a/b"));
        assertRefused(() -> MessageRules.requireId("userId", "é"));
        assertRefused(() -> MessageRules.requireId("userId", ""));
    }

    @Test
    void sendingToOneselfIsRefused() {
        assertRefused(() -> rules.send("alice", "alice", "hi", null, null, null));
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MessageRefusedException.class,
                e -> assertThat(e.refusal()).isEqualTo(Refusal.VALIDATION));
    }
}
