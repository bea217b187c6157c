package com.ticketing.socketio.conformance;

import com.ticketing.socketio.DisconnectReason;
import com.ticketing.socketio.engine.EngineIoHandler;
import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.engine.EngineSocket;

/** The bare Engine.IO server of the conformance suite: every message goes back as it came. */
public final class EchoHandler implements EngineIoHandler {

    @Override
    public void onOpen(EngineSocket socket) {
    }

    @Override
    public void onText(EngineSocket socket, String text) {
        socket.send(EngineMessage.text(text));
    }

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {
        socket.send(EngineMessage.binary(data));
    }

    @Override
    public void onClose(EngineSocket socket, DisconnectReason reason) {
    }
}
