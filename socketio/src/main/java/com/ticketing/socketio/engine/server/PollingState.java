package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EngineIoProtocol;
import com.ticketing.socketio.engine.packet.EngineIoProtocol.PacketType;

/**
 * What a session keeps while it uses HTTP long-polling: the queued messages, the one pending GET,
 * the POST in progress and the control packets due on the next poll. Dropped once the session
 * upgrades. Not thread-safe: guarded by the session lock.
 */
final class PollingState {

    final OutboundQueue queue;
    PollResponder pendingPoll;
    boolean postInFlight;
    boolean pingDue;
    /** A probe succeeded: polls are answered at once so the client can pause polling and upgrade. */
    boolean upgrading;
    boolean closePacketDue;

    PollingState(EngineIoOptions options) {
        this.queue = new OutboundQueue(options.maxOutboundPackets(), options.maxOutboundBytes());
    }

    /** Whether a poll arriving now is answered at once rather than held. */
    boolean mustAnswerNow() {
        return pingDue || closePacketDue || upgrading || !queue.isEmpty();
    }

    PollResponder takePendingPoll() {
        PollResponder responder = pendingPoll;
        pendingPoll = null;
        return responder;
    }

    /** Encodes everything due as one payload and forgets it; a noop when nothing is due. */
    String takePayload() {
        StringBuilder payload = new StringBuilder();
        if (pingDue) {
            payload.append(PacketType.PING.code());
            pingDue = false;
        }
        queue.drainTo(message -> appendMessage(payload, message));
        if (closePacketDue) {
            separate(payload).append(PacketType.CLOSE.code());
            closePacketDue = false;
        }
        return payload.isEmpty() ? String.valueOf(PacketType.NOOP.code()) : payload.toString();
    }

    private static void appendMessage(StringBuilder payload, EngineMessage message) {
        separate(payload);
        if (message.isBinary()) {
            payload.append(EngineIoProtocol.BINARY_PREFIX).append(message.base64());
        } else {
            payload.append(PacketType.MESSAGE.code()).append(message.text());
        }
    }

    private static StringBuilder separate(StringBuilder payload) {
        return payload.isEmpty() ? payload : payload.append(EngineIoProtocol.RECORD_SEPARATOR);
    }
}
