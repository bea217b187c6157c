package com.ticketing.socketio.engine.server;

/**
 * What the server checks on every Engine.IO HTTP request, read from its method, query and headers.
 *
 * @param method    the HTTP method
 * @param eio       the {@code EIO} query parameter (protocol revision), or null
 * @param transport the {@code transport} query parameter, or null
 * @param sid       the {@code sid} query parameter, or null for a handshake
 * @param upgrade   whether this is a WebSocket upgrade request
 * @param origin    the {@code Origin} header, or null
 */
public record EngineRequest(String method, String eio, String transport, String sid, boolean upgrade,
                            String origin) {
}
