package com.ticketing.socketio.server.adapter;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.socket.Socket;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rooms of one namespace in this process's memory: room to socket ids and socket id to rooms.
 * A socket's own id is an implicit room and costs no memory.
 */
public final class InMemoryAdapter implements Adapter {

    private final AdapterContext context;
    private final Map<String, Set<String>> membersByRoom = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> roomsBySocket = new ConcurrentHashMap<>();

    public InMemoryAdapter(AdapterContext context) {
        this.context = context;
    }

    @Override
    public void join(String socketId, Collection<String> rooms) {
        for (String room : rooms) {
            if (room.equals(socketId)) {
                continue;
            }
            // compute, not computeIfAbsent().add(): a concurrent leave may drop an emptied set
            membersByRoom.compute(room, (r, members) -> {
                Set<String> set = members != null ? members : ConcurrentHashMap.newKeySet();
                set.add(socketId);
                return set;
            });
            roomsBySocket.compute(socketId, (id, current) -> with(current, room));
        }
    }

    @Override
    public void leave(String socketId, String room) {
        roomsBySocket.computeIfPresent(socketId, (id, current) -> without(current, room));
        membersByRoom.computeIfPresent(room, (r, members) -> {
            members.remove(socketId);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public void leaveAll(String socketId) {
        Set<String> rooms = roomsBySocket.remove(socketId);
        if (rooms == null) {
            return;
        }
        for (String room : rooms) {
            membersByRoom.computeIfPresent(room, (r, members) -> {
                members.remove(socketId);
                return members.isEmpty() ? null : members;
            });
        }
    }

    @Override
    public Set<String> rooms(String socketId) {
        Set<String> rooms = new HashSet<>(roomsBySocket.getOrDefault(socketId, Set.of()));
        rooms.add(socketId);
        return rooms;
    }

    @Override
    public Set<String> rooms() {
        return Set.copyOf(membersByRoom.keySet());
    }

    @Override
    public boolean hasRoom(String room) {
        return membersByRoom.containsKey(room) || context.socket(room) != null;
    }

    @Override
    public Set<String> socketIds(BroadcastTarget target) {
        Set<String> excluded = members(target.except());
        Set<String> ids = new HashSet<>();
        if (target.rooms().isEmpty()) {
            for (Socket socket : context.sockets()) {
                ids.add(socket.id());
            }
        } else {
            ids.addAll(members(target.rooms()));
        }
        ids.removeAll(excluded);
        return ids;
    }

    @Override
    public void broadcast(Packet packet, BroadcastTarget target) {
        // The usual broadcast, one room and no exception, reads the room's members as they are: no set is built.
        Set<String> ids = target.rooms().size() == 1 && target.except().isEmpty() && !isSocketRoom(target)
                ? membersByRoom.getOrDefault(target.rooms().iterator().next(), Set.of()) : socketIds(target);
        if (ids.isEmpty()) {
            return;
        }
        List<EngineMessage> messages = context.encode(packet);
        for (String id : ids) {
            Socket socket = context.socket(id);
            if (socket != null) {
                socket.deliver(packet, messages);
            }
        }
    }

    /** Whether the one room of the target is a socket's own id (a room nobody joins explicitly). */
    private boolean isSocketRoom(BroadcastTarget target) {
        return context.socket(target.rooms().iterator().next()) != null;
    }

    private Set<String> members(Set<String> rooms) {
        Set<String> ids = new HashSet<>();
        for (String room : rooms) {
            ids.addAll(membersByRoom.getOrDefault(room, Set.of()));
            if (context.socket(room) != null) {
                ids.add(room);
            }
        }
        return ids;
    }

    // Per-socket room sets are small and immutable: cheaper than a concurrent set per socket.
    private static Set<String> with(Set<String> current, String room) {
        if (current == null) {
            return Set.of(room);
        }
        if (current.contains(room)) {
            return current;
        }
        Set<String> next = new HashSet<>(current);
        next.add(room);
        return Set.copyOf(next);
    }

    private static Set<String> without(Set<String> current, String room) {
        if (!current.contains(room)) {
            return current;
        }
        Set<String> next = new HashSet<>(current);
        next.remove(room);
        return next.isEmpty() ? null : Set.copyOf(next);
    }
}
