package com.ticketing.events.topic;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics that do not exist yet, with their partitions and configs. Idempotent: existing
 * topics are left as they are, so every service can run it at start-up.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /**
     * How many replicas must have a write before it is acknowledged ({@code acks=all}): 2 from a replication
     * factor of 3 on, so losing one broker loses no accepted event and stops no writer (contract section 6).
     */
    public static int minInSyncReplicas(short replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    private Map<String, String> withDurability(Map<String, String> configs) {
        Map<String, String> all = new HashMap<>(configs);
        all.putIfAbsent(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInSyncReplicas(replicationFactor)));
        return all;
    }

    /** Creates whichever of {@code topics} are missing; returns the names it created. */
    public List<String> provision(Collection<Topic> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                            .configs(withDurability(topic.configs())))
                    .toList();
            if (missing.isEmpty()) {
                return List.of();
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            List<String> created = missing.stream().map(NewTopic::name).toList();
            log.info("Created topics {}", created);
            return created;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return provision(topics); // another service created one at the same moment
            }
            throw new IllegalStateException("could not provision topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s while provisioning topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        }
    }
}
