package com.ticketing.socketio.server.socket;

import com.ticketing.socketio.server.ack.Ack;
import java.util.concurrent.atomic.AtomicBoolean;

/** The acknowledgement of one client event that asked for it: sends one ACK packet, once. */
final class ReplyAck implements Ack {

    private final Socket socket;
    private final long ackId;
    private final AtomicBoolean sent = new AtomicBoolean();

    ReplyAck(Socket socket, long ackId) {
        this.socket = socket;
        this.ackId = ackId;
    }

    @Override
    public boolean isRequested() {
        return true;
    }

    @Override
    public boolean send(Object... args) {
        return sent.compareAndSet(false, true) && socket.sendAck(ackId, args);
    }
}
