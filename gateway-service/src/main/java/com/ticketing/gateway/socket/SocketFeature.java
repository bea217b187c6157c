package com.ticketing.gateway.socket;

import com.ticketing.socketio.server.namespace.Namespace;

/**
 * One group of client events (subscriptions, typing, messages): registers its handlers once on the
 * namespace, for all its sockets; a handler finds the socket's user in {@link ConnectionGate#USER}.
 */
public interface SocketFeature {

    void register(Namespace namespace);
}
