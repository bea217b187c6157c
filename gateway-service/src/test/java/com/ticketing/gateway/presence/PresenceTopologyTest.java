package com.ticketing.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
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

class PresenceTopologyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(8);
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, CloudEvent<?>> presence;
    private KeyValueStore<String, UserPresence> users;

    @BeforeEach
    void start() {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "presence-topology-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(GatewayTopology.build(TIMEOUT), config, T0);
        var topic = Topics.PRESENCE_EVENTS;
        presence = driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
        users = driver.getKeyValueStore(PresenceTopology.USERS_STORE);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void connectedSocketMakesItsUserOnline() {
        connect("alice", "s1", "gw-a", "websocket");

        assertThat(users.get("alice").sockets())
                .containsExactly(new PresentSocket("s1", "gw-a", T0, "websocket"));
    }

    @Test
    void aUserMayHoldSocketsOnSeveralInstances() {
        connect("alice", "s1", "gw-a", "websocket");
        connect("alice", "s2", "gw-b", "polling");

        assertThat(users.get("alice").sockets()).extracting(PresentSocket::socketId).containsExactly("s1", "s2");
    }

    @Test
    void disconnectingTheLastSocketMakesTheUserOffline() {
        connect("alice", "s1", "gw-a", "websocket");
        connect("alice", "s2", "gw-a", "websocket");

        disconnect("alice", "s1", "gw-a");
        assertThat(users.get("alice").sockets()).extracting(PresentSocket::socketId).containsExactly("s2");

        disconnect("alice", "s2", "gw-a");
        assertThat(users.get("alice")).isNull();
    }

    @Test
    void aRepeatedConnectOfOneSocketIsCountedOnce() {
        connect("alice", "s1", "gw-a", "polling");
        connect("alice", "s1", "gw-a", "websocket");

        assertThat(users.get("alice").sockets()).extracting(PresentSocket::transport).containsExactly("websocket");
    }

    @Test
    void socketsOfAnInstanceThatStopsHeartbeatingLeavePresence() {
        connect("alice", "s1", "gw-a", "websocket");
        connect("alice", "s2", "gw-b", "websocket");
        connect("bob", "s3", "gw-a", "websocket");

        for (int second = 2; second <= 12; second += 2) {
            heartbeat("gw-b", T0.plusSeconds(second));
            driver.advanceWallClockTime(Duration.ofSeconds(2));
        }

        assertThat(users.get("alice").sockets()).extracting(PresentSocket::instanceId).containsExactly("gw-b");
        assertThat(users.get("bob")).isNull();
    }

    @Test
    void anInstanceThatKeepsHeartbeatingKeepsItsSockets() {
        connect("alice", "s1", "gw-a", "websocket");

        for (int second = 2; second <= 30; second += 2) {
            heartbeat("gw-a", T0.plusSeconds(second));
            driver.advanceWallClockTime(Duration.ofSeconds(2));
        }

        assertThat(users.get("alice").sockets()).hasSize(1);
    }

    @Test
    void nobodyLooksSilentWhileTheStreamItselfIsBehind() {
        connect("alice", "s1", "gw-a", "websocket");
        heartbeat("gw-a", T0.plusSeconds(2));

        // A replay or a Kafka outage: the wall clock runs on, no newer event has been read.
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(users.get("alice")).isNotNull();

        // Once the stream shows others alive well past gw-a's last heartbeat, gw-a is silent for real.
        heartbeat("gw-b", T0.plusSeconds(20));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(users.get("alice")).isNull();
    }

    @Test
    void aGatewayWhoseClockRunsAheadDoesNotMakeTheOthersLookSilent() {
        connect("alice", "s1", "gw-a", "websocket");

        for (int second = 2; second <= 12; second += 2) {
            heartbeat("gw-a", T0.plusSeconds(second));
            heartbeat("gw-fast", T0.plusSeconds(second), T0.plusSeconds(60 + second)); // its clock: a minute ahead
            driver.advanceWallClockTime(Duration.ofSeconds(2));
        }

        assertThat(users.get("alice")).as("judged by the broker's time, gw-a is alive").isNotNull();
    }

    @Test
    void anInstanceIsNotSweptBeforeItsTimeout() {
        connect("alice", "s1", "gw-a", "websocket");

        driver.advanceWallClockTime(TIMEOUT.minusSeconds(1));

        assertThat(users.get("alice")).isNotNull();
    }

    @Test
    void aLateDisconnectFromTheOldGatewayLeavesASocketThatResumedOnAnother() {
        connect("alice", "s1", "gw-a", "websocket");
        connect("alice", "s1", "gw-b", "websocket"); // recovered on gw-b under the same id

        disconnect("alice", "s1", "gw-a");

        assertThat(users.get("alice").sockets()).extracting(PresentSocket::instanceId).containsExactly("gw-b");
    }

    @Test
    void silenceIsJudgedAtTheRecordsNotWhenTheWallClockFires() {
        KeyValueStore<String, InstanceLiveness> instances = driver.getKeyValueStore(PresenceTopology.INSTANCES_STORE);
        connect("alice", "s1", "gw-a", "websocket");
        heartbeat("gw-a", T0.plusSeconds(2));

        // A broker outage held both gateways' heartbeats back; gw-b's is written first. Every view reads these
        // two records in this order and, whenever its wall clock fires, decides the same: gw-a was silent for
        // longer than the timeout at gw-b's record, and starts a new life at its own.
        heartbeat("gw-b", T0.plusSeconds(20));
        heartbeat("gw-a", T0.plusSeconds(20).plusMillis(5));

        assertThat(users.get("alice")).as("gw-a was swept at gw-b's record").isNull();
        assertThat(instances.get("gw-a").since()).isEqualTo(T0.plusSeconds(20).plusMillis(5));
        heartbeat("gw-a", T0.plusSeconds(22));
        assertThat(instances.get("gw-a").since()).as("a life lasts while heartbeats come").isEqualTo(
                T0.plusSeconds(20).plusMillis(5));
    }

    @Test
    void aViewSaysUpToWhichOfItsOwnHeartbeatsItHasReadAnInstance() {
        KeyValueStore<String, InstanceLiveness> instances = driver.getKeyValueStore(PresenceTopology.INSTANCES_STORE);
        connect("alice", "s1", "gw-a", "websocket");
        assertThat(instances.get("gw-a").readUpTo()).as("no heartbeat read yet: nothing may be judged").isNull();

        heartbeat("gw-a", T0.plusSeconds(2), T0.plusSeconds(60 + 2)); // its own clock, a minute ahead
        heartbeat("gw-a", T0.plusSeconds(4), T0.plusSeconds(60 + 4));

        assertThat(instances.get("gw-a").readUpTo()).isEqualTo(T0.plusSeconds(64));
    }

    // Record timestamps stand for the broker's append time; event times are the sending gateway's clock.

    private void connect(String user, String socketId, String instance, String transport) {
        presence.pipeInput(user, CloudEvent.of(EventTypes.PRESENCE_SOCKET_CONNECTED, "/gateway/" + instance, user, T0,
                new SocketConnected(user, socketId, instance, T0, transport)), T0);
    }

    private void disconnect(String user, String socketId, String instance) {
        presence.pipeInput(user, CloudEvent.of(EventTypes.PRESENCE_SOCKET_DISCONNECTED, "/gateway/" + instance, user, T0,
                new SocketDisconnected(user, socketId, instance, T0, "transport close")), T0);
    }

    private void heartbeat(String instance, Instant at) {
        heartbeat(instance, at, at);
    }

    private void heartbeat(String instance, Instant appendedAt, Instant sentAt) {
        presence.pipeInput(instance, CloudEvent.of(EventTypes.PRESENCE_HEARTBEAT, "/gateway/" + instance, instance,
                sentAt, new GatewayHeartbeat(instance, sentAt, 2000)), appendedAt);
    }
}
