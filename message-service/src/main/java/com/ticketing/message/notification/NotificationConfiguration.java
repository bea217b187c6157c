package com.ticketing.message.notification;

import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.store.ConversationStore;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires presence (read from the gateways' topic) and the push-request decision. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    PresenceView presenceView(NotificationProperties properties) {
        return new PresenceView(properties.silenceFactor(), Clock.systemUTC());
    }

    @Bean
    PresenceFeed presenceFeed(KafkaProperties kafka, PresenceView view) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new PresenceFeed(config, view);
    }

    @Bean
    PushRequests pushRequests(PresenceView presence, ConversationStore conversations, Outbox outbox,
                              NotificationProperties properties) {
        return new PushRequests(presence, conversations, outbox, properties);
    }
}
