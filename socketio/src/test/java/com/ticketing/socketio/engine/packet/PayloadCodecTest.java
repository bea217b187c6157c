package com.ticketing.socketio.engine.packet;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import com.ticketing.socketio.engine.packet.PacketDecodeException.Problem;
import com.ticketing.socketio.engine.packet.PayloadCodec.DecodedPayload;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadCodecTest {

    @Test
    void packetsInPayloadAreJoinedByRecordSeparator() {
        assertThat(PayloadCodec.encode(List.of(new Message("a"), new Message("b")))).isEqualTo("4a\u001e4b");
    }

    @Test
    void payloadSplitsOnRecordSeparator() {
        DecodedPayload decoded = PayloadCodec.decode("4a\u001e4b");
        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.packets()).containsExactly(new Message("a"), new Message("b"));
    }

    @Test
    void mixedPayloadKeepsOrderOfTextAndBinary() {
        DecodedPayload decoded = PayloadCodec.decode("4hello\u001ebAQIDBA==\u001e2");
        assertThat(decoded.packets()).containsExactly(new Message("hello"),
                new BinaryMessage(new byte[] {1, 2, 3, 4}), EnginePacket.PING);
    }

    @Test
    void emptyPayloadHoldsNoPacket() {
        DecodedPayload decoded = PayloadCodec.decode("");
        assertThat(decoded.isValid()).isTrue();
        assertThat(decoded.packets()).isEmpty();
    }

    @Test
    void decodingStopsAtFirstMalformedPacketKeepingThoseBefore() {
        DecodedPayload decoded = PayloadCodec.decode("4a\u001e9\u001e4b");
        assertThat(decoded.packets()).containsExactly(new Message("a"));
        assertThat(decoded.error().problem()).isEqualTo(Problem.UNKNOWN_TYPE);
    }

    @Test
    void emptyRecordBetweenSeparatorsIsMalformed() {
        DecodedPayload decoded = PayloadCodec.decode("4a\u001e\u001e4b");
        assertThat(decoded.error().problem()).isEqualTo(Problem.EMPTY_PACKET);
    }

    @Test
    void trailingSeparatorLeavesAnEmptyMalformedRecord() {
        assertThat(PayloadCodec.decode("4a\u001e").isValid()).isFalse();
    }

    @Test
    void singlePacketPayloadHasNoSeparator() {
        assertThat(PayloadCodec.encode(List.of(EnginePacket.NOOP))).isEqualTo("6");
    }
}
