package com.ticketing.socketio.server.client;

import com.ticketing.socketio.server.SocketIoOptions;
import com.ticketing.socketio.server.namespace.EmitArguments;
import com.ticketing.socketio.packet.PacketEncoder;
import com.ticketing.socketio.server.namespace.Namespace;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What every client of a server shares: the namespace registry, the settings, the codec and the
 * timer. One instance per server, so a connection holds one reference, not five.
 *
 * @param namespaces the registered namespace of a name, or null
 * @param preConnect the sessions per client address that have not connected yet
 */
public record ClientContext(Function<String, Namespace> namespaces, SocketIoOptions options,
                            PacketEncoder encoder, EmitArguments arguments, ScheduledExecutorService timer,
                            PreConnectSessions preConnect) {
}
