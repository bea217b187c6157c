package com.ticketing.gateway.fanout;

import java.util.Collection;

/** Sends one event to every local socket in any of the given rooms, each socket at most once. */
public interface RoomBroadcaster {

    void emit(Collection<String> rooms, String event, Object payload);
}
