package com.ticketing.gateway.presence;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.presence.GatewayHeartbeat;
import com.ticketing.events.payload.presence.SocketConnected;
import com.ticketing.events.payload.presence.SocketDisconnected;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.config.GatewayProperties;
import com.ticketing.gateway.kafka.EventPublisher;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells {@code gateway.presence-events} about this instance: each socket's connect and disconnect (and
 * its transport again after an upgrade), and a heartbeat every interval so the others can tell when
 * this instance dies.
 * <p>
 * Presence must not stay wrong after a fault, whatever was lost: once per instance timeout it compares
 * its own sockets with what presence (this instance's view, which every view equals) shows on this
 * instance, announces again every socket missing there (a connect that was never written, or every
 * socket at once after the instance was swept out while a broker outage held its heartbeats back), and
 * announces the departure of every socket shown there that is not here (a disconnect that was lost).
 */
@Component
public class PresenceAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);

    private final EventPublisher publisher;
    private final PresenceService presence;
    private final GatewayProperties properties;
    private final String source;
    /** This instance's sockets by id, as last announced. */
    private final Map<String, Announced> local = new ConcurrentHashMap<>();
    /** Sockets that left lately, by id, and when: their departures may not have reached the view yet. */
    private final Map<String, Instant> departed = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeats;
    /** Touched by the heartbeat thread only. */
    private Instant lastReconciled = Instant.now();
    /** When this instance's life in presence began, as the view last showed it (null until it shows one). */
    private Instant life;

    public PresenceAnnouncer(@Qualifier(EventPublisher.PRESENCE) EventPublisher publisher, PresenceService presence,
                             GatewayProperties properties) {
        this.publisher = publisher;
        this.presence = presence;
        this.properties = properties;
        this.source = "/gateway/" + properties.instanceId();
    }

    /** Announces a connected socket (in the background; a failure is logged). */
    public void connected(String userId, Socket socket) {
        Instant now = Instant.now();
        Announced announced = new Announced(userId, socket, socket.transportName(), now, now);
        // Inside the map's lock for this socket, so a disconnect is always announced after it; a socket
        // that already left (its disconnect may have been announced) is not announced at all.
        local.compute(socket.id(), (id, previous) -> socket.isConnected() ? announce(announced) : null);
    }

    /** Announces a socket that left (in the background; a failure is logged). */
    public void disconnected(String userId, String socketId, String reason) {
        local.remove(socketId);
        departed.put(socketId, Instant.now());
        announceDeparture(userId, socketId, reason);
    }

    private void announceDeparture(String userId, String socketId, String reason) {
        Instant now = Instant.now();
        publishInBackground(userId, CloudEvent.of(EventTypes.PRESENCE_SOCKET_DISCONNECTED, source, userId, now,
                new SocketDisconnected(userId, socketId, properties.instanceId(), now, reason)));
    }

    /**
     * Announces again, with its new transport, every socket that upgraded since it was announced: most
     * browsers connect over long-polling and upgrade to WebSocket a moment later.
     */
    private void announceUpgrades() {
        for (String socketId : local.keySet()) {
            local.computeIfPresent(socketId, (id, announced) ->
                    announced.socket().transportName().equals(announced.transport()) ? announced
                            : announce(announced.withTransport(announced.socket().transportName())));
        }
    }

    /**
     * Makes presence show exactly this instance's sockets, judged only by what the view has surely read:
     * everything this instance published before its heartbeat of {@code readUpTo} (its own clock). A socket
     * announced before then and not shown was lost; a socket shown that is not here and did not leave
     * after then is a ghost. An arrival or a departure announced twice is harmless.
     */
    void reconcile(Instant readUpTo) {
        Map<String, String> shown = presence.socketsOn(properties.instanceId());
        int[] missing = {0};
        int[] gone = {0};
        for (String socketId : local.keySet()) {
            if (!shown.containsKey(socketId)) {
                local.computeIfPresent(socketId, (id, announced) -> {
                    if (!announced.announcedAt().isBefore(readUpTo)) {
                        return announced;
                    }
                    missing[0]++;
                    return announce(announced.withTransport(announced.socket().transportName()));
                });
            }
        }
        for (Map.Entry<String, String> socket : shown.entrySet()) {
            // departed holds only departures the view may not have read (the heartbeat prunes the rest)
            if (!local.containsKey(socket.getKey()) && !departed.containsKey(socket.getKey())) {
                // In the map's lock for this id: a socket resuming here under the same id right now is
                // announced after this departure, never before it.
                local.compute(socket.getKey(), (id, current) -> {
                    if (current == null) {
                        gone[0]++;
                        announceDeparture(socket.getValue(), id, "presence reconciled: not on this instance");
                    }
                    return current;
                });
            }
        }
        if (missing[0] > 0 || gone[0] > 0) {
            log.warn("Presence showed {} of this instance's sockets missing and {} that are not here; announced"
                    + " them again", missing[0], gone[0]);
        }
    }

    private Announced announce(Announced socket) {
        Instant now = Instant.now();
        publishInBackground(socket.userId(), CloudEvent.of(EventTypes.PRESENCE_SOCKET_CONNECTED, source,
                socket.userId(), now, new SocketConnected(socket.userId(), socket.socket().id(),
                        properties.instanceId(), socket.connectedAt(), socket.transport())));
        return socket.announcedAt(now);
    }

    /** A local socket as presence last heard of it, and when it was last announced. */
    private record Announced(String userId, Socket socket, String transport, Instant connectedAt, Instant announcedAt) {

        Announced withTransport(String newTransport) {
            return new Announced(userId, socket, newTransport, connectedAt, announcedAt);
        }

        Announced announcedAt(Instant at) {
            return new Announced(userId, socket, transport, connectedAt, at);
        }
    }

    /** Presence is best effort per event: what a lost event leaves wrong, {@link #reconcile} repairs. */
    private void publishInBackground(String key, CloudEvent<?> event) {
        publisher.publish(Topics.PRESENCE_EVENTS, key, event)
                .subscribe(sent -> { }, failure -> log.warn("Presence event {} not published: {}", event.type(),
                        failure.getMessage()));
    }

    private void heartbeat() {
        Instant now = Instant.now();
        long interval = properties.presence().heartbeatInterval().toMillis();
        publishInBackground(properties.instanceId(), CloudEvent.of(EventTypes.PRESENCE_HEARTBEAT, source,
                properties.instanceId(), now, new GatewayHeartbeat(properties.instanceId(), now, interval)));
        announceUpgrades();
        if (!presence.isServing()) {
            return; // starting or rebalancing: judged at a later heartbeat
        }
        try {
            InstanceLiveness shown = presence.livenessOf(properties.instanceId()).orElse(null);
            if (shown == null || shown.readUpTo() == null) {
                return; // the view has read no heartbeat of this life yet: nothing can be judged
            }
            departed.values().removeIf(at -> at.isBefore(shown.readUpTo()));
            // Swept out and heard again: every socket is gone from presence; announce them now rather
            // than at the next reconciliation.
            boolean reborn = life != null && !shown.since().equals(life);
            life = shown.since();
            if (reborn || !now.isBefore(lastReconciled.plus(properties.presence().instanceTimeout()))) {
                lastReconciled = now;
                reconcile(shown.readUpTo());
            }
        } catch (InvalidStateStoreException notNow) {
            // began rebalancing since the check: judged at a later heartbeat
        } catch (RuntimeException e) { // a failure must not cancel the heartbeats that follow
            log.warn("Presence not reconciled: {}", e.toString());
        }
        Instant forgotten = now.minus(properties.presence().instanceTimeout().multipliedBy(10));
        departed.values().removeIf(at -> at.isBefore(forgotten)); // bounded while the view cannot answer
    }

    @Override
    public void start() {
        heartbeats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "presence-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.presence().heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        heartbeats.shutdownNow();
        heartbeats = null;
    }

    @Override
    public boolean isRunning() {
        return heartbeats != null;
    }
}
