package com.ticketing.socketio.server.adapter;

import java.util.Collection;
import java.util.Set;

/**
 * Who a broadcast is for: the sockets in any of {@code rooms} (every socket when empty), minus the
 * sockets in any of {@code except}. A socket's id is a room holding only that socket.
 */
public record BroadcastTarget(Set<String> rooms, Set<String> except) {

    private static final BroadcastTarget ALL = new BroadcastTarget(Set.of(), Set.of());

    public BroadcastTarget {
        rooms = Set.copyOf(rooms);
        except = Set.copyOf(except);
    }

    /** Every socket of the namespace. */
    public static BroadcastTarget all() {
        return ALL;
    }

    /** Only the socket (or room) with this id. */
    public static BroadcastTarget room(String room) {
        return new BroadcastTarget(Set.of(room), Set.of());
    }

    /** Whether a socket in {@code socketRooms} (its own id included) is targeted. */
    public boolean matches(Collection<String> socketRooms) {
        boolean included = rooms.isEmpty() || socketRooms.stream().anyMatch(rooms::contains);
        return included && socketRooms.stream().noneMatch(except::contains);
    }
}
