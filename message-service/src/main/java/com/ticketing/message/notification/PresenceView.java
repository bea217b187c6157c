package com.ticketing.message.notification;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is online, folded from the gateways' {@code gateway.presence-events}: a user is online while one
 * of his sockets is connected on a gateway heard from within {@code silenceFactor} of its heartbeat
 * intervals (a crashed gateway's sockets stop counting then, as in the gateways' own presence store).
 * Record times are the broker's ({@code LogAppendTime}). Folded by one thread, read by any.
 */
public final class PresenceView implements Presence {

    /** The gateways' default heartbeat interval: assumed for a gateway whose first heartbeat is not read yet. */
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    private final Map<String, Map<String, String>> socketsByUser = new ConcurrentHashMap<>();
    private final Map<String, Liveness> instances = new ConcurrentHashMap<>();
    private final int silenceFactor;
    private final Clock clock;

    public PresenceView(int silenceFactor, Clock clock) {
        this.silenceFactor = silenceFactor;
        this.clock = clock;
    }

    /** Folds one presence event written at {@code at}; other events are ignored. */
    public void apply(CloudEvent<?> event, Instant at) {
        if (event.data() instanceof SocketConnected connected) {
            socketsByUser.computeIfAbsent(connected.userId(), user -> new ConcurrentHashMap<>())
                    .put(connected.socketId(), connected.instanceId());
            instances.merge(connected.instanceId(), new Liveness(at, null), Liveness::seen);
        } else if (event.data() instanceof SocketDisconnected disconnected) {
            socketsByUser.computeIfPresent(disconnected.userId(), (user, sockets) -> {
                sockets.remove(disconnected.socketId());
                return sockets.isEmpty() ? null : sockets;
            });
        } else if (event.data() instanceof GatewayHeartbeat heartbeat) {
            instances.merge(heartbeat.instanceId(), new Liveness(at, Duration.ofMillis(heartbeat.intervalMillis())),
                    Liveness::seen);
        }
    }

    @Override
    public boolean isOnline(String userId) {
        Map<String, String> sockets = socketsByUser.get(userId);
        if (sockets == null) {
            return false;
        }
        Instant now = clock.instant();
        return sockets.values().stream().distinct().anyMatch(instance -> isAlive(instance, now));
    }

    private boolean isAlive(String instanceId, Instant now) {
        Liveness liveness = instances.get(instanceId);
        if (liveness == null) {
            return false;
        }
        Duration interval = liveness.interval() == null ? DEFAULT_INTERVAL : liveness.interval();
        return !liveness.lastSeen().plus(interval.multipliedBy(silenceFactor)).isBefore(now);
    }

    /** When a gateway was last heard from, and its heartbeat interval (null until its first heartbeat). */
    private record Liveness(Instant lastSeen, Duration interval) {

        /** A connect proves the instance alive but says nothing of its interval: keep the known one. */
        Liveness seen(Liveness later) {
            Instant last = later.lastSeen.isAfter(lastSeen) ? later.lastSeen : lastSeen;
            return new Liveness(last, later.interval == null ? interval : later.interval);
        }
    }
}
