package com.ticketing.gateway.block;

import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The block directory of this instance, started and stopped with the application. */
@Configuration(proxyBeanMethods = false)
class BlockConfiguration {

    @Bean
    @DependsOn("topicsAtStartup") // its topic exists before the directory looks for its partitions
    BlockDirectory blockDirectory(GatewayProperties gateway, KafkaSecurity security) {
        return new BlockDirectory(gateway.bootstrapServers(), security, gateway.instanceId());
    }
}
