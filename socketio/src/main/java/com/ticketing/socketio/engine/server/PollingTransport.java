package com.ticketing.socketio.engine.server;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.packet.EnginePacket;
import com.ticketing.socketio.engine.packet.PayloadCodec;
import com.ticketing.socketio.engine.packet.PayloadCodec.DecodedPayload;
import com.ticketing.socketio.engine.server.EngineSession.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-polling requests of one session: the pending GET and the POST in progress, against the
 * session's {@link PollingState}. State is guarded by the session's monitor; responders and closes
 * run outside it.
 */
final class PollingTransport {

    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private final EngineSession session;
    private final EngineIoServer server;

    PollingTransport(EngineSession session, EngineIoServer server) {
        this.session = session;
        this.server = server;
    }

    /** See {@link EngineSession#attachPoll}. */
    boolean attachPoll(PollResponder responder) {
        String payload;
        boolean finished;
        synchronized (session) {
            PollingState polling = session.polling();
            State state = session.state();
            if (state == State.CLOSED || polling == null) {
                return false;
            }
            if (polling.pendingPoll != null) {
                payload = null;
            } else if (state == State.CLOSING || polling.mustAnswerNow()) {
                payload = polling.takePayload();
            } else {
                polling.pendingPoll = responder;
                return true;
            }
            finished = state == State.CLOSING;
            if (finished) {
                session.lingerEnded();
            }
        }
        if (payload == null) {
            session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
            return false;
        }
        if (finished) {
            server.forget(session);
        }
        responder.respond(payload);
        return true;
    }

    boolean hasPendingPoll() {
        synchronized (session) {
            PollingState polling = session.polling();
            return polling != null && polling.pendingPoll != null;
        }
    }

    void pollAborted(PollResponder responder) {
        synchronized (session) {
            PollingState polling = session.polling();
            if (polling == null || polling.pendingPoll != responder) {
                return;
            }
            polling.pendingPoll = null;
        }
        session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
    }

    boolean beginPost() {
        synchronized (session) {
            PollingState polling = session.polling();
            if (polling == null || session.state() == State.CLOSED) {
                return false;
            }
            if (!polling.postInFlight) {
                polling.postInFlight = true;
                return true;
            }
        }
        session.close(DisconnectReason.TRANSPORT_ERROR, CloseMode.ABORT);
        return false;
    }

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

    void abortPost(DisconnectReason reason) {
        endPostInFlight();
        session.close(reason, CloseMode.ABORT);
    }

    private void endPostInFlight() {
        synchronized (session) {
            PollingState polling = session.polling();
            if (polling != null) {
                polling.postInFlight = false;
            }
        }
    }
}
