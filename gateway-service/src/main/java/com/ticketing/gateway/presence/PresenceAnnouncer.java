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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells {@code gateway.presence-events} about this instance: each socket's connect and disconnect (and
 * its transport again after an upgrade), and a heartbeat every interval so the others can tell when
 * this instance dies.
 */
@Component
public class PresenceAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PresenceAnnouncer.class);

    private final EventPublisher publisher;
    private final GatewayProperties properties;
    private final String source;
    /** This instance's sockets by id, as last announced. */
    private final Map<String, Announced> local = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeats;

    public PresenceAnnouncer(@Qualifier(EventPublisher.PRESENCE) EventPublisher publisher,
                             GatewayProperties properties) {
        this.publisher = publisher;
        this.properties = properties;
        this.source = "/gateway/" + properties.instanceId();
    }

    /** Announces a connected socket (in the background; a failure is logged). */
    public void connected(String userId, Socket socket) {
        Announced announced = new Announced(userId, socket, socket.transportName(), Instant.now());
        // Inside the map's lock for this socket, so a disconnect is always announced after it; a socket
        // that already left (its disconnect may have been announced) is not announced at all.
        local.compute(socket.id(), (id, previous) -> socket.isConnected() ? announce(announced) : null);
    }

    /** Announces a socket that left (in the background; a failure is logged). */
    public void disconnected(String userId, String socketId, String reason) {
        local.remove(socketId);
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

    private Announced announce(Announced socket) {
        publishInBackground(socket.userId(), CloudEvent.of(EventTypes.PRESENCE_SOCKET_CONNECTED, source,
                socket.userId(), Instant.now(), new SocketConnected(socket.userId(), socket.socket().id(),
                        properties.instanceId(), socket.connectedAt(), socket.transport())));
        return socket;
    }

    /** A local socket as presence last heard of it. */
    private record Announced(String userId, Socket socket, String transport, Instant connectedAt) {

        Announced withTransport(String newTransport) {
            return new Announced(userId, socket, newTransport, connectedAt);
        }
    }

    /** Presence is best effort by design: a lost event is repaired by the instance's heartbeat timeout. */
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
