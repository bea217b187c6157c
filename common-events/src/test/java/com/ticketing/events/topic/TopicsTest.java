package com.ticketing.events.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.events.envelope.EventType;
import com.ticketing.events.envelope.EventTypes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics of contract section 5: names, which events each carries, and how long each keeps them. */
class TopicsTest {

    @Test
    void theContractHasTenTopicsWithTheContractNames() {
        assertThat(Topics.CONTRACT).extracting(Topic::name).containsExactly(
                "marketplace.listing-events", "marketplace.transaction-events",
                "realtime.listing-updates", "realtime.transaction-updates",
                "messaging.message-commands", "messaging.message-events",
                "realtime.typing-signals", "gateway.presence-events",
                "notifications.push-requests", "moderation.reports");
    }

    @Test
    void eachEventTypeLivesOnExactlyOneTopic() {
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(Topics.ALL.stream().filter(topic -> topic.carries(type)))
                    .as("topics carrying %s", type.name()).hasSize(1);
            assertThat(Topics.carrying(type)).isPresent();
        }
    }

    @Test
    void marketplaceInputTopicsCarryTheContractsEvents() {
        assertThat(Topics.carrying(EventTypes.LISTING_CREATED)).contains(Topics.LISTING_EVENTS);
        assertThat(Topics.carrying(EventTypes.TRANSACTION_DISPUTE_FILED)).contains(Topics.TRANSACTION_EVENTS);
        assertThat(Topics.carrying(EventTypes.LISTING_UPDATED)).contains(Topics.LISTING_UPDATES);
        assertThat(Topics.carrying(EventTypes.TRANSACTION_UPDATED)).contains(Topics.TRANSACTION_UPDATES);
        assertThat(Topics.carrying(EventTypes.MESSAGE_SEND_REQUESTED)).contains(Topics.MESSAGE_COMMANDS);
        assertThat(Topics.carrying(EventTypes.CONVERSATION_READ)).contains(Topics.MESSAGE_EVENTS);
        assertThat(Topics.carrying(EventTypes.TYPING_STOPPED)).contains(Topics.TYPING_SIGNALS);
        assertThat(Topics.carrying(EventTypes.PRESENCE_HEARTBEAT)).contains(Topics.PRESENCE_EVENTS);
    }

    @Test
    void deadLetterTopicsAreTheInputTopicNamePlusDlqAndCarryNoTypesOfTheirOwn() {
        Set<String> contractNames = Set.copyOf(Topics.CONTRACT.stream().map(Topic::name).toList());
        var deadLetters = Topics.ALL.stream().filter(topic -> !contractNames.contains(topic.name()))
                .filter(topic -> !Topics.PRIVATE.contains(topic)).toList();

        assertThat(deadLetters).extracting(Topic::name).containsExactly("marketplace.listing-events.dlq",
                "marketplace.transaction-events.dlq", "messaging.message-commands.dlq");
        assertThat(deadLetters).allSatisfy(topic -> {
            assertThat(topic.name()).endsWith(Topic.DLQ_SUFFIX);
            assertThat(topic.eventTypes()).isEmpty();
        });
        assertThat(Topics.LISTING_EVENTS.deadLetter().partitions()).isEqualTo(Topics.LISTING_EVENTS.partitions());
    }

    @Test
    void typingSignalsExpireWithinMinutes() {
        long retention = retentionMs(Topics.TYPING_SIGNALS);

        assertThat(retention).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(Long.parseLong(Topics.TYPING_SIGNALS.configs().get(TopicConfig.SEGMENT_MS_CONFIG)))
                .as("a segment must roll before records can be deleted").isLessThanOrEqualTo(retention);
    }

    @Test
    void inputAndUpdateTopicsKeepTheirWholeHistory() {
        for (Topic topic : new Topic[] {Topics.LISTING_EVENTS, Topics.TRANSACTION_EVENTS, Topics.LISTING_UPDATES,
                Topics.TRANSACTION_UPDATES, Topics.MESSAGE_EVENTS}) {
            assertThat(retentionMs(topic)).as(topic.name()).isEqualTo(-1L);
            assertThat(topic.configs()).as(topic.name())
                    .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        }
    }

    @Test
    void topicsAreImmutable() {
        assertThatThrownBy(() -> Topics.LISTING_EVENTS.configs().put(TopicConfig.RETENTION_MS_CONFIG, "1"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Topic("t", 0, Map.of(), Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTopicUsesTheCloudEventSerde() {
        assertThat(Topics.ALL).allSatisfy(topic -> {
            assertThat(topic.valueSerde().serializer().serialize(topic.name(), null)).isNull();
            assertThat(topic.keySerde().deserializer().deserialize(topic.name(), "alice:bob".getBytes())).isEqualTo("alice:bob");
        });
    }

    @Test
    void socketSessionsAreCompactedAndTheirOldSegmentsExpire() {
        assertThat(Topics.ALL).contains(Topics.SOCKET_SESSIONS);
        assertThat(Topics.CONTRACT).doesNotContain(Topics.SOCKET_SESSIONS);
        assertThat(Topics.SOCKET_SESSIONS.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete");
        assertThat(retentionMs(Topics.SOCKET_SESSIONS)).isEqualTo(Duration.ofDays(1).toMillis());
    }

    @Test
    void blocksAreATableInTopicFormKeptForGood() {
        assertThat(Topics.CONTRACT).doesNotContain(Topics.USER_BLOCKS);
        assertThat(Topics.USER_BLOCKS.configs()).containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
        assertThat(Topics.carrying(EventTypes.USER_UNBLOCKED)).contains(Topics.USER_BLOCKS);
    }

    @Test
    void pushRequestsExpireWithinAWeekAndReportsAreKept() {
        assertThat(retentionMs(Topics.NOTIFICATION_REQUESTS)).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(retentionMs(Topics.MODERATION_REPORTS)).isEqualTo(-1L);
    }

    @Test
    void withThreeReplicasAWriteNeedsTwoInSyncSoLosingOneBrokerStopsNoWriter() {
        assertThat(TopicProvisioner.minInSyncReplicas((short) 1)).isEqualTo(1);
        assertThat(TopicProvisioner.minInSyncReplicas((short) 2)).isEqualTo(1);
        assertThat(TopicProvisioner.minInSyncReplicas((short) 3)).isEqualTo(2);
        assertThat(TopicProvisioner.minInSyncReplicas((short) 5)).isEqualTo(2);
    }

    private static long retentionMs(Topic topic) {
        return Long.parseLong(topic.configs().get(TopicConfig.RETENTION_MS_CONFIG));
    }

    @Test
    void presenceRecordsCarryTheBrokersAppendTimeSoEveryGatewayJudgesLivenessOnOneClock() {
        assertThat(Topics.PRESENCE_EVENTS.configs())
                .containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
    }
}
