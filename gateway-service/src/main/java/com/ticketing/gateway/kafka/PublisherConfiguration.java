package com.ticketing.gateway.kafka;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.gateway.config.GatewayProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * How the gateway authenticates to Kafka ({@code ticketing.kafka.security}, {@code KAFKA_SECURITY_PROTOCOL} and
 * friends), and its two producers: message commands and typing on one, presence on its own.
 */
@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    @Bean
    KafkaSecurity kafkaSecurity(Environment environment) {
        return Binder.get(environment).bindOrCreate(KafkaSecurity.PREFIX, KafkaSecurity.class);
    }

    @Bean
    @Primary
    EventPublisher commandPublisher(GatewayProperties properties, KafkaSecurity security) {
        return new EventPublisher(properties, security, "commands");
    }

    @Bean(EventPublisher.PRESENCE)
    EventPublisher presencePublisher(GatewayProperties properties, KafkaSecurity security) {
        return new EventPublisher(properties, security, "presence");
    }
}
