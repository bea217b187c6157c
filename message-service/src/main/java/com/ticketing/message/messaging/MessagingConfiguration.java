package com.ticketing.message.messaging;

import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.outbox.OutboxSignal;
import com.ticketing.message.store.MessageStore;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the message rules and the service. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    MessageRules messageRules(MessageProperties properties) {
        return new MessageRules(properties.maxContentLength());
    }

    @Bean
    MessageService messageService(MessageStore store, Outbox outbox, TransactionalOperator transactions,
                                  OutboxSignal relay) {
        return new MessageService(store, outbox, transactions, relay, Clock.systemUTC());
    }
}
