package com.ticketing.message.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.topic.TopicProvisioner;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.config.DatabaseProperties;
import com.ticketing.message.kafka.KafkaTopicsConfiguration;
import com.ticketing.message.messaging.MessageEvents;
import com.ticketing.message.messaging.MessageService;
import com.ticketing.message.messaging.SendMessage;
import com.ticketing.message.store.NewMessage;
import com.ticketing.message.store.SendStore;
import com.ticketing.message.store.StoredMessage;
import com.ticketing.message.support.EventTopicReader;
import com.ticketing.message.support.TestMessageServices;
import com.ticketing.message.support.TestPostgres;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The outbox against real PostgreSQL and the shared Kafka broker, with no application running: the
 * database is this class's own, so no other relay touches its rows.
 */
class OutboxRelayIntegrationTest {

    private static final OutboxProperties PROPERTIES = new OutboxProperties(true, Duration.ofMillis(50), 100,
            Duration.ofSeconds(10), Duration.ofMillis(100));

    private static DatabaseClient db;
    private static TransactionalOperator transactions;
    private static MessageService messages;
    private static KafkaOutboxPublisher kafka;
    private static EventTopicReader reader;

    @BeforeAll
    static void setUp() {
        String jdbcUrl = TestPostgres.migratedJdbcUrl("outbox_it");
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions
                .parse(DatabaseProperties.toR2dbcUrl(jdbcUrl)).mutate()
                .option(ConnectionFactoryOptions.USER, TestPostgres.USER)
                .option(ConnectionFactoryOptions.PASSWORD, "").build());
        db = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
        messages = TestMessageServices.messageService(db, transactions, userId -> true);
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
            new TopicProvisioner(admin, (short) 1).provision(KafkaTopicsConfiguration.TOPICS);
        }
        kafka = new KafkaOutboxPublisher(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), Duration.ofSeconds(10));
        reader = new EventTopicReader(Topics.MESSAGE_EVENTS.name());
    }

    @AfterAll
    static void tearDown() {
        kafka.close();
        reader.close();
    }

    @Test
    void eventCommittedWhileTheRelayIsDownArrivesExactlyOnceAfterRestart() {
        OutboxRelay crashing = new OutboxRelay(db, transactions,
                entries -> Mono.error(new IllegalStateException("relay crashed before publishing")), PROPERTIES);
        String sender = "crash-" + UUID.randomUUID();

        StoredMessage stored = messages.send(new SendMessage(sender, "bob", "survives a crash", null, null, "c-1"), false)
                .block().message();
        String eventId = MessageEvents.sent(stored).id();
        assertThat(outboxRows()).isEqualTo(1);

        assertThatThrownBy(() -> crashing.relayBatch().block()).hasMessageContaining("relay crashed");
        assertThat(outboxRows()).as("nothing is deleted without the broker's ack").isEqualTo(1);
        assertThat(reader.events(e -> e.id().equals(eventId))).isEmpty();

        OutboxRelay restarted = new OutboxRelay(db, transactions, kafka, PROPERTIES);
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> outboxRows() == 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> !reader.events(e -> e.id().equals(eventId)).isEmpty());
            restarted.wake();
            assertThat(restarted.drain().block()).isZero();
        } finally {
            restarted.stop();
        }
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> reader.events(e -> e.id().equals(eventId)).size() == 1);
        var event = reader.events(e -> e.id().equals(eventId)).get(0);
        assertThat(event.type()).isEqualTo(EventTypes.MESSAGE_SENT.name());
        assertThat(event.subject()).isEqualTo("bob:" + sender);
        assertThat(event.dataAs(EventTypes.MESSAGE_SENT).message()).isEqualTo(stored.view());
        assertThat(event.dataAs(EventTypes.MESSAGE_SENT).clientMessageId()).isEqualTo("c-1");
    }

    @Test
    void aRolledBackChangeLeavesNeitherRowNorEvent() {
        String sender = "rollback-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NewMessage message = new NewMessage(UUID.randomUUID(), sender, "bob", "never happened", null, null, null, now, now);
        SendStore sends = new SendStore(db);
        StoredMessage expected = message.storedAt(now);
        Mono<Void> failingChange = sends.lock(sender, "bob")
                .then(sends.store(message, Outbox.row(Topics.MESSAGE_EVENTS, MessageEvents.key(expected),
                        MessageEvents.sent(expected)), now.minusSeconds(10), now.plusSeconds(10), 10))
                .then(Mono.error(new IllegalStateException("fails after writing the row and its event")));

        assertThatThrownBy(() -> transactions.transactional(failingChange).block()).hasMessageContaining("fails after");

        assertThat(db.sql("SELECT count(*) AS n FROM messages WHERE sender_id = :s").bind("s", sender)
                .map((row, meta) -> row.get("n", Long.class)).one().block()).isZero();
        assertThat(outboxRows()).isZero();
        assertThat(new OutboxRelay(db, transactions, kafka, PROPERTIES).drain().block()).isZero();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3))
                .until(() -> reader.events(e -> e.subject().contains(sender)).isEmpty());
    }

    @Test
    void eventsArePublishedInTheOrderTheyWereWritten() {
        String sender = "order-" + UUID.randomUUID();
        StoredMessage stored = messages.send(new SendMessage(sender, "bob", "hello", null, null, null), false)
                .block().message();
        messages.markRead("bob", stored.id().toString()).block();
        messages.delete(sender, stored.id().toString()).block();

        assertThat(new OutboxRelay(db, transactions, kafka, PROPERTIES).drain().block()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.events(e -> e.subject().contains(sender)).size() == 3);
        assertThat(reader.events(e -> e.subject().contains(sender))).extracting(e -> e.type()).containsExactly(
                EventTypes.MESSAGE_SENT.name(), EventTypes.MESSAGE_READ.name(), EventTypes.MESSAGE_DELETED.name());
    }

    @Test
    void aBacklogTakingLongerThanOneBatchMayIsRelayedWholeWithEveryEventPublishedOnce() {
        // 40 batches of 100 ms each against a bound of 3 x 400 ms: the bound is a batch's, not the backlog's.
        OutboxProperties quick = new OutboxProperties(true, Duration.ofMillis(50), 10, Duration.ofMillis(400),
                Duration.ofMillis(100));
        String sender = "backlog-" + UUID.randomUUID();
        Flux.range(0, 400).flatMap(i -> messages.send(
                new SendMessage(sender + "-" + i % 8, "bob", "backlog " + i, null, null, null), false), 8).blockLast();
        Map<String, Integer> handedOver = new java.util.concurrent.ConcurrentHashMap<>();
        OutboxPublisher slow = entries -> Mono.fromRunnable(() -> entries.forEach(
                        entry -> handedOver.merge(entry.eventId(), 1, Integer::sum)))
                .then(Mono.delay(Duration.ofMillis(100))).then();
        OutboxRelay relay = new OutboxRelay(db, transactions, slow, quick);
        long start = System.nanoTime();

        relay.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> outboxRows() == 0);
        } finally {
            relay.stop();
        }

        System.out.printf("a backlog of 400 events relayed in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(handedOver).hasSize(400);
        assertThat(handedOver.values()).as("no batch handed to the producer twice").containsOnly(1);
    }

    private static long outboxRows() {
        return db.sql("SELECT count(*) AS n FROM message_outbox").map((row, meta) -> row.get("n", Long.class)).one()
                .block();
    }
}
