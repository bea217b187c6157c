package com.ticketing.socketio.server.adapter;

import com.ticketing.socketio.engine.EngineMessage;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.socket.Socket;
import java.util.Collection;
import java.util.List;

/** What a namespace offers its adapter: its local sockets and the packet encoder. */
public interface AdapterContext {

    /** The namespace name. */
    String namespace();

    /** A connected local socket by id, or null. */
    Socket socket(String id);

    /** Every connected local socket. */
    Collection<Socket> sockets();

    /** Encodes a packet once into the Engine.IO messages every recipient gets. */
    List<EngineMessage> encode(Packet packet);
}
