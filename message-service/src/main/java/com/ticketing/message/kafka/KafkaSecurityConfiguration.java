package com.ticketing.message.kafka;

import com.ticketing.events.kafka.KafkaSecurity;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How message-service authenticates to Kafka ({@code ticketing.kafka.security}, {@code KAFKA_SECURITY_PROTOCOL}
 * and friends). Every client here is built from Spring's {@link KafkaProperties}, so the settings go into
 * those once, and the command consumer, the outbox and dead-letter producers, the admin client and
 * anything Spring builds itself all connect as the same principal.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaSecurityConfiguration {

    @Bean
    static BeanPostProcessor kafkaSecurityIntoKafkaProperties(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaProperties kafka) {
                    KafkaSecurity security = Binder.get(environment).bindOrCreate(KafkaSecurity.PREFIX,
                            KafkaSecurity.class);
                    security.clientProperties().forEach((key, value) -> kafka.getProperties().put(key, value.toString()));
                }
                return bean;
            }
        };
    }
}
