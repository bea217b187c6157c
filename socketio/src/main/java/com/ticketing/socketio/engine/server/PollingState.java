package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;
import java.util.ArrayDeque;
import java.util.List;

/**
 * What a session keeps while it uses HTTP long-polling: the packets waiting for the next GET, the
 * one pending GET, the POST in progress and the control packets due on the next poll. Dropped once
 * the session upgrades. Confined to the session's executor.
 */
final class PollingState {

    private ArrayDeque<List<EngineMessage>> waiting; // allocated only while non-empty
    private long waitingBytes;
    private int waitingPackets;
    volatile PollResponder pendingPoll; // volatile only for EngineSession.hasPendingPoll()
    boolean postInFlight;
    boolean pingDue;
    /** A probe succeeded: the pending poll is answered every 100 ms so the client can pause polling. */
    boolean upgrading;
    boolean closePacketDue;

    void add(List<EngineMessage> packet) {
        if (waiting == null) {
            waiting = new ArrayDeque<>(8);
        }
        waiting.add(packet);
        waitingBytes += Outbound.sizeOf(packet);
        waitingPackets++;
    }

    long waitingBytes() {
        return waitingBytes;
    }

    int waitingPackets() {
        return waitingPackets;
    }

    /** Whether a poll arriving now is answered at once rather than held. */
    boolean mustAnswerNow() {
        return pingDue || closePacketDue || waiting != null;
    }

    PollResponder takePendingPoll() {
        PollResponder responder = pendingPoll;
        pendingPoll = null;
        return responder;
    }

    /** Takes the packets waiting, oldest first, for a transport that replaces polling. */
    ArrayDeque<List<EngineMessage>> takeWaiting() {
        ArrayDeque<List<EngineMessage>> taken = waiting != null ? waiting : new ArrayDeque<>(0);
        clearWaiting();
        return taken;
    }

    void clearWaiting() {
        waiting = null;
        waitingBytes = 0;
        waitingPackets = 0;
    }

    /** Encodes everything due as one payload and forgets it; a noop when nothing is due. */
    String takePayload() {
        StringBuilder payload = new StringBuilder();
        if (pingDue) {
            payload.append(PacketType.PING.code());
            pingDue = false;
        }
        if (waiting != null) {
            for (List<EngineMessage> packet : waiting) {
                for (EngineMessage message : packet) {
                    separate(payload).append(message.pollingRecord());
                }
            }
            clearWaiting();
        }
        if (closePacketDue) {
            separate(payload).append(PacketType.CLOSE.code());
            closePacketDue = false;
        }
        return payload.isEmpty() ? String.valueOf(PacketType.NOOP.code()) : payload.toString();
    }

    private static StringBuilder separate(StringBuilder payload) {
        return payload.isEmpty() ? payload : payload.append(EngineIoProtocol.RECORD_SEPARATOR);
    }
}
