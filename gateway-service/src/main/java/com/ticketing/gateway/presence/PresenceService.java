package com.ticketing.gateway.presence;

import com.ticketing.gateway.streams.GatewayStreams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Service;

/**
 * Who is online, for other code of the gateway: answered from this instance's complete copy of the
 * presence store, so every instance gives the same answer. Throws
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while the store is not ready.
 */
@Service
public class PresenceService {

    private final GatewayStreams streams;

    public PresenceService(GatewayStreams streams) {
        this.streams = streams;
    }

    public boolean isUserOnline(String userId) {
        return !getUserSockets(userId).isEmpty();
    }

    /** The user's live sockets on every instance. */
    public List<PresentSocket> getUserSockets(String userId) {
        UserPresence presence = streams.users().get(userId);
        return presence == null ? List.of() : presence.sockets();
    }

    /** Whether the view answers (Kafka Streams RUNNING). */
    public boolean isServing() {
        return streams.isServing();
    }

    /** What the view knows of an instance: its liveness, if it has one. */
    public Optional<InstanceLiveness> livenessOf(String instanceId) {
        return Optional.ofNullable(streams.instances().get(instanceId));
    }

    /** The sockets presence shows on one instance: socket id → user id. */
    public Map<String, String> socketsOn(String instanceId) {
        ReadOnlyKeyValueStore<String, UserPresence> users = streams.users();
        Map<String, String> sockets = new HashMap<>();
        for (String userId : PresenceProcessor.usersOn(streams.instanceUsers(), instanceId)) {
            UserPresence presence = users.get(userId);
            if (presence != null) {
                presence.sockets().stream().filter(socket -> socket.instanceId().equals(instanceId))
                        .forEach(socket -> sockets.put(socket.socketId(), userId));
            }
        }
        return sockets;
    }

    /** Distinct users with at least one live socket, across every gateway. */
    public long getOnlineUsersCount() {
        return streams.users().approximateNumEntries(); // exact: the store is in memory
    }
}
