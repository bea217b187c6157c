package com.ticketing.socketio.server.namespace;

import com.ticketing.socketio.engine.HandshakeData;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether a CONNECT to a namespace is accepted, possibly asynchronously (a token check, a
 * connection limit). Middlewares of a namespace run in registration order; the first refusal wins.
 */
@FunctionalInterface
public interface ConnectMiddleware {

    /**
     * @param handshake what the Engine.IO handshake request carried
     * @param auth      the CONNECT payload (an empty object when the client sent none)
     */
    CompletionStage<ConnectDecision> check(HandshakeData handshake, JsonNode auth);
}
