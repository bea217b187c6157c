package com.ticketing.socketio.server.client;

import com.ticketing.socketio.engine.RandomIds;
import com.ticketing.socketio.packet.Packet;
import com.ticketing.socketio.server.namespace.Admission;
import com.ticketing.socketio.server.namespace.Namespace;
import com.ticketing.socketio.server.recovery.SessionSnapshot;
import java.util.HashMap;
import java.util.Map;
import com.ticketing.socketio.server.socket.Socket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** How an admitted CONNECT becomes a socket, and the CONNECT reply it gets. */
final class Connects {

    private Connects() {
    }

    /** A new socket. */
    static Socket newSocket(Namespace namespace, ClientConnection client, JsonNode auth, Admission admission) {
        String pid = namespace.options().recovery().enabled() ? RandomIds.next() : null;
        return new Socket(RandomIds.next(), pid, namespace, client, auth, false,
                admission.decision().attributes());
    }

    /**
     * The socket of a dropped session, resumed: same id, pid and attributes (those the middlewares set
     * now, when they ran, over the stored ones). It holds its live packets until its replay went out.
     */
    static Socket resumed(Namespace namespace, ClientConnection client, JsonNode auth, Admission admission) {
        SessionSnapshot session = admission.recovering();
        Map<String, Object> attributes = new HashMap<>(session.attributes());
        attributes.putAll(admission.decision().attributes());
        Socket socket = new Socket(session.sid(), session.pid(), namespace, client, auth, true, attributes);
        socket.hold();
        return socket;
    }

    /** {@code 0{"sid":...}}, with {@code "pid"} when recovery is on. */
    static Packet.Connect reply(Socket socket) {
        ObjectNode data = JsonNodeFactory.instance.objectNode().put("sid", socket.id());
        if (socket.pid() != null) {
            data.put("pid", socket.pid());
        }
        return new Packet.Connect(socket.namespace().name(), data);
    }
}
