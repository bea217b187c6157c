package com.ticketing.message.outbox;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the relay to Kafka and runs it with the application when {@code ticketing.outbox.relay-enabled}. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean(destroyMethod = "close")
    KafkaOutboxPublisher kafkaOutboxPublisher(KafkaProperties kafka, OutboxProperties properties) {
        Map<String, Object> client = kafka.buildProducerProperties();
        client.put("client.id", "message-service-outbox");
        return new KafkaOutboxPublisher(client, properties.publishTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator transactions, KafkaOutboxPublisher publisher,
                            OutboxProperties properties) {
        return new OutboxRelay(db, transactions, publisher, properties);
    }

    @Bean
    SmartLifecycle outboxRelayLifecycle(ObjectProvider<OutboxRelay> relay, OutboxProperties properties) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                if (properties.relayEnabled()) {
                    relay.getObject().start();
                }
            }

            @Override
            public void stop() {
                relay.getObject().stop();
            }

            @Override
            public boolean isRunning() {
                return relay.getObject().isRunning();
            }
        };
    }
}
