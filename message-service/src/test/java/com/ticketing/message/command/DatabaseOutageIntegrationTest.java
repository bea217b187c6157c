package com.ticketing.message.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.message.ConversationKey;
import com.ticketing.events.payload.message.SendMessageCommand;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.IntegrationTestSupport;
import com.ticketing.message.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * With PostgreSQL unreachable, send commands wait in Kafka (offset not committed) and are stored once it
 * is back, and REST answers 503 {@code UNAVAILABLE}.
 */
class DatabaseOutageIntegrationTest extends IntegrationTestSupport {

    @Test
    void commandsWaitInKafkaAndRestAnswersUnavailableWhilePostgresIsDown() throws Exception {
        String alice = user("alice");
        String bob = user("bob");
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        CloudEvent<SendMessageCommand> command = CloudEvent.of(EventTypes.MESSAGE_SEND_REQUESTED, "/gateway/test",
                ConversationKey.of(alice, bob),
                new SendMessageCommand(alice, bob, "sent during an outage", null, null, "outage-1", Instant.now()));

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer());
             Admin admin = Admin.create(Map.of("bootstrap.servers", brokers));
             EventTopicReader events = new EventTopicReader(Topics.MESSAGE_EVENTS.name())) {
            RecordMetadata sent;
            setDatabaseReachable(false);
            try {
                sent = producer.send(new ProducerRecord<>(Topics.MESSAGE_COMMANDS.name(), command.subject(),
                        EventCodec.encode(command))).get();
                TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                        committedOffset(admin, partition) <= sent.offset()
                                && events.events(e -> e.subject().contains(alice)).isEmpty());
                client.get().uri("/api/messages/unread-count").headers(h -> h.setBearerAuth(token(alice)))
                        .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectBody().jsonPath("$.error.code").isEqualTo("UNAVAILABLE");
            } finally {
                setDatabaseReachable(true);
            }

            TopicPartition partition = new TopicPartition(sent.topic(), sent.partition());
            await().atMost(Duration.ofSeconds(60)).until(() -> events.events(
                    e -> e.is(EventTypes.MESSAGE_SENT) && e.subject().contains(alice)).size() == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> committedOffset(admin, partition) > sent.offset());
            client.get().uri("/api/messages/conversation/" + alice).headers(h -> h.setBearerAuth(token(bob)))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.length()").isEqualTo(1)
                    .jsonPath("$[0].content").isEqualTo("sent during an outage");
        }
    }

    private static long committedOffset(Admin admin, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    /** Refuses (or allows again) new connections to the service's database and cuts the open ones. */
    private static void setDatabaseReachable(boolean reachable) throws SQLException {
        String postgres = TestPostgres.jdbcUrl("message_it").replace("/message_it", "/postgres");
        try (Connection connection = DriverManager.getConnection(postgres, TestPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE message_it ALLOW_CONNECTIONS " + reachable);
            if (!reachable) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = 'message_it' AND pid <> pg_backend_pid()");
            }
        }
    }
}
