package com.ticketing.gateway.kafka;

import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.config.GatewayProperties;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.stereotype.Component;

/** Creates the contract's topics that are missing, before the streams and the feed start. */
@Component
public class TopicsAtStartup {

    public TopicsAtStartup(GatewayProperties properties) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()))) {
            new TopicProvisioner(admin, properties.replicationFactor()).provision(Topics.ALL);
        }
    }
}
