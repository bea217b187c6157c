package com.ticketing.gateway.socket;

import com.ticketing.socketio.server.ack.Ack;
import com.ticketing.socketio.server.socket.Socket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers a client action the one way the contract allows: through its acknowledgement when it asked
 * for one, otherwise (for refusals) as an {@code error} event. Nothing is dropped silently.
 */
public final class Replies {

    /** The contract's refusal codes. */
    public enum Code {
        VALIDATION, FORBIDDEN, NOT_FOUND, RATE_LIMITED, UNAVAILABLE;

        /** A back-end service's code as a socket code: the same name when the contract has it, else VALIDATION. */
        public static Code fromService(String code) {
            for (Code known : values()) {
                if (known.name().equals(code)) {
                    return known;
                }
            }
            return VALIDATION;
        }
    }

    private Replies() {
    }

    /** {@code { ok: true, ...fields }} through the ack, if there is one. */
    public static void ok(Ack ack, Map<String, ?> fields) {
        if (ack.isRequested()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ok", true);
            body.putAll(fields);
            ack.send(body);
        }
    }

    /** {@code { ok: false, error: { code, message } }} through the ack, or {@code error} {@code { event, code, message }}. */
    public static void refuse(Socket socket, Ack ack, String event, Code code, String message) {
        if (ack.isRequested()) {
            ack.send(Map.of("ok", false, "error", Map.of("code", code.name(), "message", message)));
        } else {
            socket.emit("error", Map.of("event", event, "code", code.name(), "message", message));
        }
    }
}
