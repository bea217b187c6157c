package com.ticketing.gateway.kafka;

import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.events.kafka.KafkaSecurity;
import com.ticketing.gateway.config.GatewayProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the contract's topics that are missing, before the streams and the feed start, unless
 * {@code ticketing.kafka.provision-topics} is off.
 */
@Component
public class TopicsAtStartup {

    public TopicsAtStartup(GatewayProperties properties, KafkaSecurity security,
                           @Value("${ticketing.kafka.provision-topics:true}") boolean provision) {
        if (!provision) {
            return; // a secured cluster's operator creates them (README, "Running it securely")
        }
        try (Admin admin = Admin.create(security.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.bootstrapServers())))) {
            new TopicProvisioner(admin, properties.replicationFactor()).provision(Topics.ALL);
        }
    }
}
