package com.ticketing.gateway.presence;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Folds presence events into the user and instance stores, and sweeps out instances that went silent.
 * Every decision follows from the records alone, in their order: silence is judged after each record
 * against the latest record time, never at a moment of this instance's wall clock. Every gateway reads
 * the same single partition, so every gateway's view sweeps the same instance at the same record and
 * they all answer the same, also after an outage that delayed one gateway's heartbeats behind another's.
 */
final class PresenceProcessor implements Processor<String, CloudEvent<?>, Void, Void> {

    /** Ids may hold ':' but never NUL: it ends the instance id in an instance-users key. */
    private static final String SEPARATOR = "\u0000";
    private static final String PRESENT = "1";

    private final Duration instanceTimeout;
    private KeyValueStore<String, UserPresence> users;
    private KeyValueStore<String, InstanceLiveness> instances;
    private KeyValueStore<String, String> instanceUsers;
    /**
     * The latest record time read so far: silence is judged against it, never against a clock ahead of
     * the stream. Record times are the broker's ({@code LogAppendTime} on the topic), one clock for
     * every instance, so a gateway whose own clock runs ahead cannot make the others look silent.
     */
    private Instant streamTime = Instant.EPOCH;

    PresenceProcessor(Duration instanceTimeout) {
        this.instanceTimeout = instanceTimeout;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        users = context.getStateStore(PresenceTopology.USERS_STORE);
        instances = context.getStateStore(PresenceTopology.INSTANCES_STORE);
        instanceUsers = context.getStateStore(PresenceTopology.INSTANCE_USERS_STORE);
    }

    @Override
    public void process(Record<String, CloudEvent<?>> record) {
        CloudEvent<?> event = record.value();
        if (event == null) {
            return;
        }
        Instant at = Instant.ofEpochMilli(record.timestamp());
        if (at.isAfter(streamTime)) {
            streamTime = at;
        }
        if (event.data() instanceof SocketConnected connected) {
            connect(connected, at);
        } else if (event.data() instanceof SocketDisconnected disconnected) {
            disconnect(disconnected);
        } else if (event.data() instanceof GatewayHeartbeat heartbeat) {
            heard(heartbeat.instanceId(), at, heartbeat.sentAt());
        }
        sweepSilentInstances();
    }

    private void connect(SocketConnected connected, Instant at) {
        UserPresence presence = users.get(connected.userId());
        users.put(connected.userId(), (presence == null ? UserPresence.empty() : presence).with(new PresentSocket(
                connected.socketId(), connected.instanceId(), connected.connectedAt(), connected.transport())));
        heard(connected.instanceId(), at, null);
        instanceUsers.put(instanceUser(connected.instanceId(), connected.userId()), PRESENT);
    }

    private void disconnect(SocketDisconnected disconnected) {
        UserPresence presence = users.get(disconnected.userId());
        if (presence == null) {
            return;
        }
        // Only the socket on the instance that says it left: a socket that resumed on another gateway keeps
        // its id, and a late disconnect from the old one must not take it away from the new.
        UserPresence remaining = presence.without(socket -> socket.socketId().equals(disconnected.socketId())
                && socket.instanceId().equals(disconnected.instanceId()));
        store(disconnected.userId(), remaining);
        if (!remaining.hasSocketsOn(disconnected.instanceId())) {
            instanceUsers.delete(instanceUser(disconnected.instanceId(), disconnected.userId()));
        }
    }

    /** The instance was heard at {@code at}; by a heartbeat it sent at {@code heartbeatSentAt}, if not null. */
    private void heard(String instanceId, Instant at, Instant heartbeatSentAt) {
        InstanceLiveness instance = instances.get(instanceId);
        InstanceLiveness seen = instance == null ? InstanceLiveness.bornAt(at) : instance.seenAt(at);
        if (heartbeatSentAt != null) {
            seen = seen.heartbeatSentAt(heartbeatSentAt);
        }
        if (seen != instance) {
            instances.put(instanceId, seen);
        }
    }

    private static String instanceUser(String instanceId, String userId) {
        return instanceId + SEPARATOR + userId;
    }

    /** The users with sockets on an instance, from its entries in an instance-users store. */
    static List<String> usersOn(ReadOnlyKeyValueStore<String, String> instanceUsers, String instanceId) {
        List<String> userIds = new ArrayList<>();
        String prefix = instanceId + SEPARATOR;
        try (KeyValueIterator<String, String> entries = instanceUsers.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> userIds.add(entry.key.substring(prefix.length())));
        }
        return userIds;
    }

    /**
     * Drops the sockets of instances not heard from for the timeout before the latest record: while a
     * replay or an outage keeps this view behind, nobody looks silent. A swept instance heard again starts
     * a new life ({@link InstanceLiveness#since}); it then announces its sockets again.
     */
    private void sweepSilentInstances() {
        Instant now = streamTime;
        List<KeyValue<String, InstanceLiveness>> silent = new ArrayList<>();
        try (KeyValueIterator<String, InstanceLiveness> all = instances.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.lastSeen().plus(instanceTimeout).isBefore(now)) {
                    silent.add(entry);
                }
            });
        }
        for (KeyValue<String, InstanceLiveness> instance : silent) {
            for (String userId : usersOn(instanceUsers, instance.key)) {
                UserPresence presence = users.get(userId);
                if (presence != null) {
                    store(userId, presence.without(socket -> socket.instanceId().equals(instance.key)));
                }
                instanceUsers.delete(instanceUser(instance.key, userId));
            }
            instances.delete(instance.key);
        }
    }

    private void store(String userId, UserPresence presence) {
        if (presence.isEmpty()) {
            users.delete(userId);
        } else {
            users.put(userId, presence);
        }
    }
}
