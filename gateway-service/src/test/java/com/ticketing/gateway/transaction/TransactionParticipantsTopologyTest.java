package com.ticketing.gateway.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.transaction.TransactionStatus;
import com.ticketing.events.payload.transaction.TransactionUpdated;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.streams.GatewayTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionParticipantsTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent<?>> updates;
    private TransactionParticipants participants;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "participants-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(GatewayTopology.build(Duration.ofSeconds(8)), config);
        var topic = Topics.TRANSACTION_UPDATES;
        updates = driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
        KeyValueStore<String, TransactionParticipants.Participants> store = driver.getKeyValueStore(TransactionParticipants.STORE);
        participants = new TransactionParticipants(store::get);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void buyerAndSellerAreParticipantsAndAStrangerIsNot() {
        update("txn-1", "bruce", "selma", TransactionStatus.PENDING, 1);

        assertThat(participants.isParticipant("txn-1", "bruce")).contains(true);
        assertThat(participants.isParticipant("txn-1", "selma")).contains(true);
        assertThat(participants.isParticipant("txn-1", "sneaky")).contains(false);
    }

    @Test
    void aTransactionWithoutUpdatesIsUnknown() {
        assertThat(participants.isParticipant("txn-never", "bruce")).isEmpty();
    }

    @Test
    void laterUpdatesKeepTheParticipants() {
        update("txn-2", "bruce", "selma", TransactionStatus.PENDING, 1);
        update("txn-2", "bruce", "selma", TransactionStatus.PAYMENT_RECEIVED, 2);

        assertThat(participants.isParticipant("txn-2", "selma")).contains(true);
    }

    private void update(String transactionId, String buyer, String seller, TransactionStatus status, long version) {
        TransactionUpdated data = new TransactionUpdated(transactionId, "lst-1", status, null, status.wireName(),
                Instant.now(), version, buyer, seller);
        updates.pipeInput(transactionId, CloudEvent.of(EventTypes.TRANSACTION_UPDATED, "/listing-events-service",
                transactionId, data));
    }
}
