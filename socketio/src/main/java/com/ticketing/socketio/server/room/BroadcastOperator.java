package com.ticketing.socketio.server.room;

import com.ticketing.socketio.server.adapter.BroadcastTarget;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.socket.Socket;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * An immutable selection of the sockets of a namespace by rooms ({@code to}) minus rooms
 * ({@code except}), and what can be done to them. Each socket is reached at most once, however
 * many of the rooms it is in, and the packet is encoded once for all of them.
 */
public final class BroadcastOperator {

    private final Namespace namespace;
    private final Set<String> rooms;
    private final Set<String> except;

    /** Every socket of the namespace. */
    public BroadcastOperator(Namespace namespace) {
        this(namespace, Set.of(), Set.of());
    }

    private BroadcastOperator(Namespace namespace, Set<String> rooms, Set<String> except) {
        this.namespace = namespace;
        this.rooms = rooms;
        this.except = except;
    }

    /** Narrows to the sockets in any of these rooms (adds to the rooms already chosen). */
    public BroadcastOperator to(String... more) {
        return new BroadcastOperator(namespace, union(rooms, more), except);
    }

    /** Same as {@link #to}. */
    public BroadcastOperator in(String... more) {
        return to(more);
    }

    /** Leaves out the sockets in any of these rooms. */
    public BroadcastOperator except(String... more) {
        return new BroadcastOperator(namespace, rooms, union(except, more));
    }

    /** The selection as a target. */
    public BroadcastTarget target() {
        return new BroadcastTarget(rooms, except);
    }

    /** Emits an event to the selected sockets (arguments as for {@link Socket#emit}). */
    public void emit(String event, Object... args) {
        namespace.broadcast(event, namespace.arguments().toJson(args), target());
    }

    /** The ids of the selected sockets on this node. */
    public Set<String> socketIds() {
        return namespace.adapter().socketIds(target());
    }

    /** Makes the selected sockets of this node join rooms. */
    public void socketsJoin(String... more) {
        socketIds().forEach(id -> namespace.findSocket(id).ifPresent(socket -> socket.join(more)));
    }

    /** Makes the selected sockets of this node leave a room. */
    public void socketsLeave(String room) {
        socketIds().forEach(id -> namespace.findSocket(id).ifPresent(socket -> socket.leave(room)));
    }

    /** Disconnects the selected sockets of this node. */
    public void disconnectSockets(boolean closeConnections) {
        socketIds().forEach(id -> namespace.findSocket(id).ifPresent(socket -> socket.disconnect(closeConnections)));
    }

    private static Set<String> union(Set<String> current, String... more) {
        Set<String> next = new HashSet<>(current);
        next.addAll(Arrays.asList(more));
        return Set.copyOf(next);
    }
}
