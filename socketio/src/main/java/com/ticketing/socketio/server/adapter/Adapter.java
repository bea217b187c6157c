package com.ticketing.socketio.server.adapter;

import com.ticketing.socketio.packet.Packet;
import java.util.Collection;
import java.util.Set;

/**
 * The rooms of one namespace and the way broadcasts reach their sockets. The in-memory adapter
 * serves one process; a distributed one would also forward broadcasts to other nodes.
 * Thread-safe.
 */
public interface Adapter {

    /** Adds the socket to the rooms. */
    void join(String socketId, Collection<String> rooms);

    /** Removes the socket from one room; the room goes away when empty. */
    void leave(String socketId, String room);

    /** Removes the socket from every room. */
    void leaveAll(String socketId);

    /** The rooms of a socket, its own id included. */
    Set<String> rooms(String socketId);

    /** The ids of the local sockets a target covers. */
    Set<String> socketIds(BroadcastTarget target);

    /** The rooms that have at least one socket (own-id rooms excluded). */
    Set<String> rooms();

    /** Whether any local socket is in this room (a socket's own id included): a map lookup, no copy. */
    boolean hasRoom(String room);

    /**
     * Sends a packet to every targeted socket, each at most once, encoding it once for all of them.
     */
    void broadcast(Packet packet, BroadcastTarget target);
}
