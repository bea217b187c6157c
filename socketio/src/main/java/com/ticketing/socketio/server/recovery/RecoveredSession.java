package com.ticketing.socketio.server.recovery;

import com.ticketing.socketio.packet.Packet;
import java.util.List;

/**
 * A session brought back: its snapshot and the events it missed while away, in order, each
 * already carrying its offset.
 */
public record RecoveredSession(SessionSnapshot session, List<Packet.Event> missedEvents) {

    public RecoveredSession {
        missedEvents = List.copyOf(missedEvents);
    }
}
