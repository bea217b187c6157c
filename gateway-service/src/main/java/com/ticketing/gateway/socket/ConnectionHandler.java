package com.ticketing.gateway.socket;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.gateway.fanout.Rooms;
import com.ticketing.gateway.presence.PresenceAnnouncer;
import com.ticketing.socketio.server.namespace.ConnectionListener;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sets up every accepted socket: its personal room, the {@code connected} greeting, the client
 * event handlers of every feature (an unknown event is refused like any other), presence
 * announcements for its arrival and departure, and its end when its token expires.
 */
public final class ConnectionHandler implements ConnectionListener {

    private final List<SocketFeature> features;
    private final PresenceAnnouncer presence;
    private final LocalSockets localSockets;

    private final int maxSocketsPerUser;
    /** The validator accepts a token until this long after its {@code exp}; the socket lives as long. */
    private final Duration clockSkew;

    public ConnectionHandler(List<SocketFeature> features, PresenceAnnouncer presence, LocalSockets localSockets,
                             int maxSocketsPerUser, Duration clockSkew) {
        this.maxSocketsPerUser = maxSocketsPerUser;
        this.clockSkew = clockSkew;
        this.features = features;
        this.presence = presence;
        this.localSockets = localSockets;
    }

    @Override
    public void onConnection(Socket socket) {
        AuthenticatedUser user = socket.get(ConnectionGate.USER);
        if (localSockets.added(user.userId()) > maxSocketsPerUser) {
            // Connects of one user raced past the gate's check: the one that made it too many leaves.
            localSockets.removed(user.userId());
            socket.disconnect(true);
            return;
        }
        socket.join(Rooms.user(user.userId()));
        features.forEach(feature -> feature.register(socket, user));
        socket.onAny((event, args, ack) -> Replies.refuse(socket, ack, event, Replies.Code.VALIDATION,
                "Unknown event " + event));
        ScheduledFuture<?> expiry = socket.namespace().timer().schedule(() -> socket.disconnect(true),
                Math.max(0, Duration.between(Instant.now(), user.expiresAt().plus(clockSkew)).toMillis()),
                TimeUnit.MILLISECONDS);
        socket.onDisconnect(reason -> {
            expiry.cancel(false);
            localSockets.removed(user.userId());
            presence.disconnected(user.userId(), socket.id(), reason.wireText());
        });
        presence.connected(user.userId(), socket);
        socket.emit("connected", Map.of("userId", user.userId(), "socketId", socket.id(),
                "serverTime", Instant.now().toString()));
    }
}
