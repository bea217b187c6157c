package com.ticketing.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.store.MessageStore;
import com.ticketing.message.support.IntegrationTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** A value PostgreSQL refuses, should one ever pass the rules, is answered as a refusal and stores nothing. */
class StoreRefusalIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private MessageService messages;

    @Autowired
    private MessageStore store;

    @Test
    void contentTheDatabaseRefusesIsAValidationRefusalNotAnError() {
        String alice = user("alice");
        String bob = user("bob");
        // Built without MessageRules, which refuse NUL: PostgreSQL's text type cannot hold it.
        SendMessage unstorable = new SendMessage(alice, bob, "nul \u0000 inside", null, null, "cm-unstorable");

        StepVerifier.create(messages.send(unstorable, UUID.randomUUID(), java.time.Instant.now(), true))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(MessageRefusedException.class,
                                refused -> assertThat(refused.refusal()).isEqualTo(Refusal.VALIDATION)))
                .verify();
        StepVerifier.create(store.findByClientMessageId(alice, "cm-unstorable").hasElement()).expectNext(false)
                .verifyComplete();
    }
}
