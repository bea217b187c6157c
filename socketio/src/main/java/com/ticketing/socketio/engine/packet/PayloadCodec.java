package com.ticketing.socketio.engine.packet;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes HTTP long-polling payloads: packets in text form joined by the record
 * separator {@code \x1e}.
 */
public final class PayloadCodec {

    private PayloadCodec() {
    }

    /** Joins packets into one payload. */
    public static String encode(List<? extends EnginePacket> packets) {
        StringBuilder out = new StringBuilder();
        for (EnginePacket packet : packets) {
            if (!out.isEmpty()) {
                out.append(EngineIoProtocol.RECORD_SEPARATOR);
            }
            PacketCodec.appendTo(out, packet);
        }
        return out.toString();
    }

    /**
     * Splits a payload into packets, as the reference parser does: packets are decoded in order
     * and decoding stops at the first malformed one, which is reported next to the packets before
     * it. An empty payload holds no packet.
     */
    public static DecodedPayload decode(String payload) {
        List<EnginePacket> packets = new ArrayList<>(4);
        if (payload.isEmpty()) {
            return new DecodedPayload(packets, null);
        }
        int start = 0;
        try {
            while (true) {
                int end = payload.indexOf(EngineIoProtocol.RECORD_SEPARATOR, start);
                if (end < 0) {
                    packets.add(PacketCodec.decode(payload.substring(start)));
                    return new DecodedPayload(packets, null);
                }
                packets.add(PacketCodec.decode(payload.substring(start, end)));
                start = end + 1;
            }
        } catch (PacketDecodeException e) {
            return new DecodedPayload(packets, e);
        }
    }

    /**
     * The result of decoding a payload.
     *
     * @param packets the packets decoded, in order, up to the first malformed one
     * @param error   why decoding stopped early, or null if the whole payload was valid
     */
    public record DecodedPayload(List<EnginePacket> packets, PacketDecodeException error) {

        /** Whether the whole payload was valid. */
        public boolean isValid() {
            return error == null;
        }
    }
}
