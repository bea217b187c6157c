package com.ticketing.gateway.kafka;

import com.ticketing.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The gateway's two producers: message commands and typing on one, presence on its own. */
@Configuration(proxyBeanMethods = false)
class PublisherConfiguration {

    @Bean
    @Primary
    EventPublisher commandPublisher(GatewayProperties properties) {
        return new EventPublisher(properties, "commands");
    }

    @Bean(EventPublisher.PRESENCE)
    EventPublisher presencePublisher(GatewayProperties properties) {
        return new EventPublisher(properties, "presence");
    }
}
