package com.ticketing.socketio.server;

import com.ticketing.socketio.DisconnectReason;

/**
 * Sessions for the fuzz test, without a network: one bystander that behaves, and a stream of hostile
 * sessions, each replaced by a new one once the server closed it (half of them connected first, so
 * that both the pre-CONNECT and the connected paths are fed).
 */
public final class FuzzSessions {

    private final SocketIoServer server;
    private FakeEngineSocket bystander;
    private FakeEngineSocket current;
    private int opened;
    private int closedByServer;

    public FuzzSessions(SocketIoServer server) {
        this.server = server;
    }

    /** Opens the bystander, connected to "/"; returns its socket id. */
    public String bystander() {
        bystander = FakeEngineSocket.open(server);
        return bystander.connect("/");
    }

    /** Feeds a Socket.IO packet (an Engine.IO message's text) to the current hostile session. */
    public void feedText(String packet, boolean connectFirst) {
        session(connectFirst).clientSends(packet);
    }

    /** Feeds a binary message to the current hostile session. */
    public void feedBinary(byte[] data, boolean connectFirst) {
        session(connectFirst).clientSendsBinaryBytes(data);
    }

    private FakeEngineSocket session(boolean connectFirst) {
        if (current != null && current.closedWith() == null) {
            return current;
        }
        if (current != null) {
            closedByServer++;
        }
        current = FakeEngineSocket.open(server);
        opened++;
        if (connectFirst) {
            current.connect("/");
        }
        return current;
    }

    /** The client of the current hostile session goes away. */
    public void closeAllButBystander() {
        if (current != null && current.closedWith() == null) {
            current.engineCloses(DisconnectReason.TRANSPORT_CLOSE);
        }
    }

    /** Whether the bystander is open and still gets its acknowledgement. */
    public boolean bystanderAnswers() {
        bystander.clientSends("21[\"message\"]");
        return bystander.closedWith() == null && "31[\"echo\"]".equals(bystander.nextText());
    }

    public int opened() {
        return opened;
    }

    public int closedByServer() {
        return closedByServer;
    }
}
