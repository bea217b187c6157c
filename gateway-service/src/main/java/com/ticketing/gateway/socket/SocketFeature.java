package com.ticketing.gateway.socket;

import com.ticketing.auth.AuthenticatedUser;
import com.ticketing.socketio.server.socket.Socket;

/** One group of client events (subscriptions, typing, messages): registers its handlers on each new socket. */
public interface SocketFeature {

    void register(Socket socket, AuthenticatedUser user);
}
