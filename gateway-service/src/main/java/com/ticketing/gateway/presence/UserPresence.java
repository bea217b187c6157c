package com.ticketing.gateway.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The presence store's value: a user's live sockets across every gateway instance. */
public record UserPresence(List<PresentSocket> sockets) {

    public UserPresence {
        sockets = List.copyOf(sockets);
    }

    static UserPresence empty() {
        return new UserPresence(List.of());
    }

    UserPresence with(PresentSocket socket) {
        List<PresentSocket> next = new ArrayList<>(sockets.size() + 1);
        sockets.stream().filter(existing -> !existing.socketId().equals(socket.socketId())).forEach(next::add);
        next.add(socket);
        return new UserPresence(next);
    }

    UserPresence without(Predicate<PresentSocket> leaving) {
        return new UserPresence(sockets.stream().filter(leaving.negate()).toList());
    }

    boolean hasSocketsOn(String instanceId) {
        return sockets.stream().anyMatch(socket -> socket.instanceId().equals(instanceId));
    }

    boolean isEmpty() {
        return sockets.isEmpty();
    }
}
