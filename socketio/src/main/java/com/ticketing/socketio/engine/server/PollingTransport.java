package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PayloadCodec;
import com.ticketing.socketio.engine.packet.PayloadCodec.DecodedPayload;
import com.ticketing.socketio.engine.server.EngineSession.State;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-polling requests of one session, the pending GET and the POST in progress, against the
 * session's {@link PollingState}. Confined to the session's executor.
 */
final class PollingTransport {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private final EngineSession session;

    PollingTransport(EngineSession session) {
        this.session = session;
    }

    /**
     * A GET: answered at once if something is due, else held until something is. Refused when the
     * session cannot take it (upgraded, closed, or a GET already pending: that overlap closes the
     * session, as the reference does).
     */
    void attachPoll(PollResponder responder) {
        PollingState polling = session.polling();
        State state = session.state();
        if (state == State.CLOSED || polling == null) {
            responder.refuse(EngineIoError.BAD_REQUEST);
            return;
        }
        if (state == State.CLOSING) {
            String closing = polling.takePayload();
            session.lingerEnded();
            responder.respond(closing);
            return;
        }
        if (session.heartbeatExpired()) {
            responder.refuse(EngineIoError.UNKNOWN_SID);
            return;
        }
        if (polling.pendingPoll != null) {
            session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            responder.refuse(EngineIoError.BAD_REQUEST);
        } else if (polling.mustAnswerNow()) {
            responder.respond(polling.takePayload());
            session.runIfDrained();
        } else {
            polling.pendingPoll = responder;
        }
    }

    /** The client went away while its GET was pending: a transport error, as the reference treats it. */
    void pollAborted(PollResponder responder) {
        PollingState polling = session.polling();
        if (polling != null && polling.pendingPoll == responder) {
            polling.pendingPoll = null;
            session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
        }
    }

    /** A POST starts; false (and the session closed on an overlap) if it may not. */
    boolean beginPost() {
        PollingState polling = session.polling();
        if (polling == null || session.state() != State.OPEN || session.heartbeatExpired()) {
            return false;
        }
        if (polling.postInFlight) {
            session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            return false;
        }
        polling.postInFlight = true;
        return true;
    }

    /** The body of the POST in progress, a polling payload, arrived in full. */
    void endPost(String body) {
        endPostInFlight();
        DecodedPayload decoded = PayloadCodec.decode(body);
        for (EnginePacket packet : decoded.packets()) {
            session.onPacket(packet);
        }
        if (!decoded.isValid()) {
            log.debug("Session {}: {}", session.id(), decoded.error().getMessage());
            session.close(DisconnectReason.PARSE_ERROR, CloseMode.ABORT);
        }
    }

    /** The POST in progress failed (too large, wrong content, connection lost); the session ends. */
    void abortPost(DisconnectReason reason) {
        endPostInFlight();
        session.close(reason, CloseMode.ABORT);
    }

    private void endPostInFlight() {
        PollingState polling = session.polling();
        if (polling != null) {
            polling.postInFlight = false;
        }
    }

    /** Moves what the session was given to the packets waiting for the next poll, and answers one waiting. */
    void take(Outbound outbound) {
        PollingState polling = session.polling();
        List<EngineMessage> packet;
        while ((packet = outbound.poll()) != null) {
            if (session.overLimit(polling.waitingBytes(), polling.waitingPackets() + 1)) {
                session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.DROP); // the client stopped polling
                return;
            }
            polling.add(packet);
        }
        if (polling.mustAnswerNow()) {
            answerPendingPoll();
        }
    }

    /** Answers a waiting poll, if any, with everything due (a noop when nothing is). */
    void answerPendingPoll() {
        PollingState polling = session.polling();
        PollResponder responder = polling.takePendingPoll();
        if (responder != null) {
            responder.respond(polling.takePayload());
            session.runIfDrained();
        }
    }

    /** Ends polling for a close; returns whether the session lingers until a poll takes the close packet. */
    boolean close(CloseMode mode) {
        PollingState polling = session.polling();
        PollResponder responder = polling.takePendingPoll();
        boolean linger = false;
        String payload = EngineSession.NOOP_PAYLOAD;
        if (mode != CloseMode.CLIENT_CLOSED) {
            if (mode != CloseMode.GRACEFUL) {
                polling.clearWaiting();
                polling.pingDue = false;
            }
            polling.closePacketDue = true;
            linger = responder == null && mode == CloseMode.GRACEFUL;
            payload = responder == null ? null : polling.takePayload();
        }
        if (!linger) {
            polling.clearWaiting();
        }
        if (responder != null) {
            responder.respond(payload);
        }
        return linger;
    }
}
