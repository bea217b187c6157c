package com.ticketing.launcher.faults;

import com.ticketing.events.topic.Topics;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** What the fault suite checks beside the sockets: the update topic and the message table. */
final class Audits {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private Audits() {
    }

    /** The committed {@code listing.updated} records of a run's listings: versions written twice, and missing ones. */
    record Topic(long records, long duplicated, long missing) {
    }

    /** Reads {@code realtime.listing-updates} from the beginning (committed records only) to its end now. */
    static Topic listingUpdates(String bootstrapServers, Map<String, Long> finalVersions) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        Map<String, Set<Long>> seen = new HashMap<>();
        long records = 0;
        long duplicated = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LISTING_UPDATES.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.LISTING_UPDATES.name() + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null || record.value() == null || !finalVersions.containsKey(record.key())) {
                        continue;
                    }
                    records++;
                    long version = JSON.readTree(record.value()).path("data").path("version").asLong();
                    if (!seen.computeIfAbsent(record.key(), key -> new HashSet<>()).add(version)) {
                        duplicated++;
                    }
                }
            }
        }
        long missing = 0;
        for (Map.Entry<String, Long> listing : finalVersions.entrySet()) {
            Set<Long> versions = seen.getOrDefault(listing.getKey(), Set.of());
            for (long version = 1; version <= listing.getValue(); version++) {
                if (!versions.contains(version)) {
                    missing++;
                }
            }
        }
        return new Topic(records, duplicated, missing);
    }

    /** A run's stored messages: how many, how many stored twice, and how many acknowledged ones are not stored. */
    record Database(long stored, long duplicated, long missing) {
    }

    static Database messages(String jdbcUrl, String run, List<String> ackedIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long stored;
            long duplicated;
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT count(*), count(*) - count(DISTINCT (sender_id, content)) FROM messages WHERE content LIKE ?")) {
                count.setString(1, "fault " + run + " %");
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    stored = row.getLong(1);
                    duplicated = row.getLong(2);
                }
            }
            long found;
            try (PreparedStatement present = connection.prepareStatement("SELECT count(*) FROM messages WHERE id = ANY(?)")) {
                Array ids = connection.createArrayOf("uuid", ackedIds.stream().map(UUID::fromString).toArray());
                present.setArray(1, ids);
                try (ResultSet row = present.executeQuery()) {
                    row.next();
                    found = row.getLong(1);
                }
            }
            return new Database(stored, duplicated, ackedIds.size() - found);
        }
    }
}
