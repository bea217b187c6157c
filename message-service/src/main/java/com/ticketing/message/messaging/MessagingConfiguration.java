package com.ticketing.message.messaging;

import com.ticketing.message.config.DatabaseConfiguration;
import com.ticketing.message.notification.PushRequests;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.outbox.OutboxSignal;
import com.ticketing.message.store.ConversationStore;
import com.ticketing.message.store.MessageSearch;
import com.ticketing.message.store.MessageStore;
import com.ticketing.message.store.ReportStore;
import com.ticketing.message.store.SendStore;
import com.ticketing.message.web.RateLimitProperties;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the message rules, the changes and the reads. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    MessageRules messageRules(MessageProperties properties) {
        return new MessageRules(properties.maxContentLength());
    }

    @Bean
    Changes changes(TransactionalOperator transactions, OutboxSignal relay) {
        return new Changes(transactions, relay);
    }

    @Bean
    MessageService messageService(MessageStore store, SendStore sends, ConversationStore conversations,
                                  ReportStore reports, PushRequests pushRequests, Outbox outbox, Changes changes,
                                  RateLimitProperties limits) {
        return new MessageService(store, sends, conversations, reports, pushRequests, outbox, changes,
                new SendLimit(limits.send().capacity(), limits.send().period()), Clock.systemUTC());
    }

    /** Reads run on their own pool: heavy inbox or search calls cannot take the connections ingestion needs. */
    @Bean
    MessageReads messageReads(@Qualifier(DatabaseConfiguration.READS) DatabaseClient reads) {
        return new MessageReads(new MessageStore(reads), new ConversationStore(reads), new MessageSearch(reads));
    }
}
