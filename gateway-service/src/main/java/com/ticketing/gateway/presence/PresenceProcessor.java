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
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** Folds presence events into the user and instance stores, and sweeps out instances that went silent. */
final class PresenceProcessor implements Processor<String, CloudEvent<?>, Void, Void> {

    /** Ids may hold ':' but never NUL: it ends the instance id in an instance-users key. */
    private static final String SEPARATOR = "\u0000";
    private static final String PRESENT = "1";

    private final Duration instanceTimeout;
    private final Duration sweepInterval;
    private KeyValueStore<String, UserPresence> users;
    private KeyValueStore<String, InstanceLiveness> instances;
    private KeyValueStore<String, String> instanceUsers;
    /**
     * The latest record time read so far: silence is judged against it, never against a clock ahead of
     * the stream. Record times are the broker's ({@code LogAppendTime} on the topic), one clock for
     * every instance, so a gateway whose own clock runs ahead cannot make the others look silent.
     */
    private Instant streamTime = Instant.EPOCH;

    PresenceProcessor(Duration instanceTimeout, Duration sweepInterval) {
        this.instanceTimeout = instanceTimeout;
        this.sweepInterval = sweepInterval;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        users = context.getStateStore(PresenceTopology.USERS_STORE);
        instances = context.getStateStore(PresenceTopology.INSTANCES_STORE);
        instanceUsers = context.getStateStore(PresenceTopology.INSTANCE_USERS_STORE);
        context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME,
                now -> sweepSilentInstances(Instant.ofEpochMilli(now)));
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
            heard(heartbeat.instanceId(), at);
        }
    }

    private void connect(SocketConnected connected, Instant at) {
        UserPresence presence = users.get(connected.userId());
        users.put(connected.userId(), (presence == null ? UserPresence.empty() : presence).with(new PresentSocket(
                connected.socketId(), connected.instanceId(), connected.connectedAt(), connected.transport())));
        heard(connected.instanceId(), at);
        instanceUsers.put(instanceUser(connected.instanceId(), connected.userId()), PRESENT);
    }

    private void disconnect(SocketDisconnected disconnected) {
        UserPresence presence = users.get(disconnected.userId());
        if (presence == null) {
            return;
        }
        UserPresence remaining = presence.without(socket -> socket.socketId().equals(disconnected.socketId()));
        store(disconnected.userId(), remaining);
        if (!remaining.hasSocketsOn(disconnected.instanceId())) {
            instanceUsers.delete(instanceUser(disconnected.instanceId(), disconnected.userId()));
        }
    }

    private void heard(String instanceId, Instant at) {
        InstanceLiveness instance = instances.get(instanceId);
        InstanceLiveness seen = instance == null ? new InstanceLiveness(at) : instance.seenAt(at);
        if (seen != instance) {
            instances.put(instanceId, seen);
        }
    }

    private static String instanceUser(String instanceId, String userId) {
        return instanceId + SEPARATOR + userId;
    }

    /** The users with sockets on an instance, from its entries in the instance-users store. */
    private List<String> usersOn(String instanceId) {
        List<String> userIds = new ArrayList<>();
        String prefix = instanceId + SEPARATOR;
        try (KeyValueIterator<String, String> entries = instanceUsers.prefixScan(prefix, new StringSerializer())) {
            entries.forEachRemaining(entry -> userIds.add(entry.key.substring(prefix.length())));
        }
        return userIds;
    }

    /**
     * Drops the sockets of instances not heard from for the timeout. "Now" is the wall clock, but never
     * later than the stream: while a replay or an outage keeps this instance behind, nobody looks silent.
     */
    private void sweepSilentInstances(Instant wallClock) {
        Instant now = wallClock.isBefore(streamTime) ? wallClock : streamTime;
        List<KeyValue<String, InstanceLiveness>> silent = new ArrayList<>();
        try (KeyValueIterator<String, InstanceLiveness> all = instances.all()) {
            all.forEachRemaining(entry -> {
                if (entry.value.lastSeen().plus(instanceTimeout).isBefore(now)) {
                    silent.add(entry);
                }
            });
        }
        for (KeyValue<String, InstanceLiveness> instance : silent) {
            for (String userId : usersOn(instance.key)) {
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
