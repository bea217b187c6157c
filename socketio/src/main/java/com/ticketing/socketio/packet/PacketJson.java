package com.ticketing.socketio.packet;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON mapper the codec uses unless told otherwise: strict about what follows a payload. */
public final class PacketJson {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PacketJson() {
    }

    /** A shared mapper that refuses trailing garbage after a JSON payload. */
    public static JsonMapper strictMapper() {
        return STRICT;
    }
}
