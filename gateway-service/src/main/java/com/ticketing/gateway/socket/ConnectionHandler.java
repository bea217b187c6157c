package com.ticketing.gateway.socket;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.gateway.fanout.Rooms;
import com.ticketing.gateway.presence.PresenceAnnouncer;
import com.ticketing.socketio.server.namespace.ConnectionListener;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sets up every accepted socket: its personal room, the {@code connected} greeting, the client
 * event handlers of every feature, and presence announcements for its arrival and departure.
 */
public final class ConnectionHandler implements ConnectionListener {

    private final List<SocketFeature> features;
    private final PresenceAnnouncer presence;
    private final LocalSockets localSockets;

    public ConnectionHandler(List<SocketFeature> features, PresenceAnnouncer presence, LocalSockets localSockets) {
        this.features = features;
        this.presence = presence;
        this.localSockets = localSockets;
    }

    @Override
    public void onConnection(Socket socket) {
        AuthenticatedUser user = socket.get(ConnectionGate.USER);
        socket.join(Rooms.user(user.userId()));
        localSockets.added(user.userId());
        features.forEach(feature -> feature.register(socket, user));
        socket.onDisconnect(reason -> {
            localSockets.removed(user.userId());
            presence.disconnected(user.userId(), socket.id(), reason.wireText());
        });
        presence.connected(user.userId(), socket.id(), socket.transportName());
        socket.emit("connected", Map.of("userId", user.userId(), "socketId", socket.id(),
                "serverTime", Instant.now().toString()));
    }
}
