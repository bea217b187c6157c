package com.ticketing.message.kafka;

import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the topics this service reads and writes before its consumer and relay start. */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfiguration {

    /**
     * The topics of the message service: commands, their dead letters, the message events, push requests,
     * reports and the block feed; and the gateways' presence it reads.
     */
    public static final List<Topic> TOPICS = List.of(Topics.MESSAGE_COMMANDS, Topics.MESSAGE_COMMANDS.deadLetter(),
            Topics.MESSAGE_EVENTS, Topics.NOTIFICATION_REQUESTS, Topics.MODERATION_REPORTS, Topics.USER_BLOCKS,
            Topics.PRESENCE_EVENTS);

    /** Marker bean: the topics exist once it is created. */
    public record ProvisionedTopics(List<String> created) {
    }

    @Bean
    ProvisionedTopics provisionedTopics(KafkaProperties kafka,
                                        @Value("${ticketing.kafka.replication-factor:1}") short replicationFactor,
                                        @Value("${ticketing.kafka.provision-topics:true}") boolean provision) {
        if (!provision) {
            return new ProvisionedTopics(List.of());
        }
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            return new ProvisionedTopics(new TopicProvisioner(admin, replicationFactor).provision(TOPICS));
        }
    }
}
