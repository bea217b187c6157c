package com.ticketing.gateway.socket;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.gateway.fanout.Rooms;
import com.ticketing.gateway.recovery.KafkaRecoveryHook;
import com.ticketing.gateway.recovery.SessionStore;
import com.ticketing.gateway.presence.PresenceAnnouncer;
import com.ticketing.socketio.server.namespace.ConnectionListener;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Sets up the application namespace and every accepted socket: the client event handlers of every
 * feature, registered once for all sockets (an unknown event is refused like any other), the
 * personal room, the {@code connected} greeting, presence announcements for arrival and departure,
 * and the end of a socket whose token expired (one sweep a second over all sockets, instead of a
 * timer per socket).
 */
public final class ConnectionHandler implements ConnectionListener {

    static final Duration EXPIRY_SWEEP = Duration.ofSeconds(1);

    private final PresenceAnnouncer presence;
    private final LocalSockets localSockets;
    private final SessionStore sessions;
    private final KafkaRecoveryHook recovery;
    private final int maxSocketsPerUser;
    /** The validator accepts a token until this long after its {@code exp}; the socket lives as long. */
    private final Duration clockSkew;

    private ConnectionHandler(PresenceAnnouncer presence, LocalSockets localSockets, SessionStore sessions,
                              KafkaRecoveryHook recovery, int maxSocketsPerUser, Duration clockSkew) {
        this.presence = presence;
        this.localSockets = localSockets;
        this.sessions = sessions;
        this.recovery = recovery;
        this.maxSocketsPerUser = maxSocketsPerUser;
        this.clockSkew = clockSkew;
    }

    /** Registers the features' handlers, the departure bookkeeping and the expiry sweep on {@code namespace}. */
    public static ConnectionHandler attachTo(Namespace namespace, List<SocketFeature> features,
                                             PresenceAnnouncer presence, LocalSockets localSockets,
                                             SessionStore sessions, KafkaRecoveryHook recovery,
                                             int maxSocketsPerUser, Duration clockSkew) {
        ConnectionHandler handler = new ConnectionHandler(presence, localSockets, sessions, recovery,
                maxSocketsPerUser, clockSkew);
        features.forEach(feature -> feature.register(namespace));
        namespace.onAny((socket, event, args, ack) -> Replies.refuse(socket, ack, event, Replies.Code.VALIDATION,
                "Unknown event " + event));
        namespace.onDisconnect(handler::left);
        namespace.timer().scheduleWithFixedDelay(() -> handler.endExpired(namespace), EXPIRY_SWEEP.toMillis(),
                EXPIRY_SWEEP.toMillis(), TimeUnit.MILLISECONDS);
        namespace.onConnection(handler);
        return handler;
    }

    @Override
    public void onConnection(Socket socket) {
        AuthenticatedUser user = socket.get(ConnectionGate.USER);
        if (localSockets.added(user.userId()) > maxSocketsPerUser) {
            // Connects of one user raced past the gate's check: the one that made it too many leaves.
            socket.set(ConnectionGate.USER, null); // counted off here, not again when it leaves
            localSockets.removed(user.userId());
            socket.disconnect(true);
            return;
        }
        if (socket.pid() != null) {
            // Durable before the client can lose it: a crash of this gateway leaves its record behind.
            sessions.connected(socket.pid(), socket.id(), user.userId(), Rooms.user(user.userId()),
                    socket.recovered() ? recovery.takeResumed(socket.pid()) : null);
        }
        socket.join(Rooms.user(user.userId()));
        presence.connected(user.userId(), socket);
        socket.emit("connected", Map.of("userId", user.userId(), "socketId", socket.id(),
                "serverTime", Instant.now().toString(), "recovered", socket.recovered()));
    }

    private void left(Socket socket, com.ticketing.socketio.DisconnectReason reason) {
        AuthenticatedUser user = socket.get(ConnectionGate.USER);
        if (user != null) {
            localSockets.removed(user.userId());
            presence.disconnected(user.userId(), socket.id(), reason.wireText());
        }
        if (socket.pid() != null && !socket.namespace().options().recovery().isRecoverable(reason)) {
            sessions.ended(socket.pid()); // left on purpose: nothing to resume
        }
    }

    private void endExpired(Namespace namespace) {
        Instant now = Instant.now();
        for (Socket socket : namespace.sockets()) {
            AuthenticatedUser user = socket.get(ConnectionGate.USER);
            if (user != null && now.isAfter(user.expiresAt().plus(clockSkew))) {
                socket.disconnect(true);
            }
        }
    }
}
