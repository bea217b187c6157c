package com.ticketing.socketio.engine.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ticketing.socketio.engine.packet.EnginePacket.BinaryMessage;
import com.ticketing.socketio.engine.packet.EnginePacket.Message;
import com.ticketing.socketio.engine.packet.EnginePacket.Open;
import com.ticketing.socketio.engine.packet.EnginePacket.Ping;
import com.ticketing.socketio.engine.packet.EnginePacket.Pong;
import com.ticketing.socketio.engine.packet.PacketDecodeException.Problem;
import org.junit.jupiter.api.Test;

class PacketCodecTest {

    @Test
    void textMessageIsTypeDigitFourFollowedByText() {
        assertThat(PacketCodec.decode("4hello")).isEqualTo(new Message("hello"));
        assertThat(PacketCodec.encode(new Message("hello"))).isEqualTo("4hello");
    }

    @Test
    void emptyTextMessageIsJustTheDigit() {
        assertThat(PacketCodec.decode("4")).isEqualTo(new Message(""));
    }

    @Test
    void binaryPacketOnPollingIsBase64WithBPrefix() {
        assertThat(PacketCodec.encode(new BinaryMessage(new byte[] {1, 2, 3}))).isEqualTo("bAQID");
        assertThat(PacketCodec.decode("bAQID")).isEqualTo(new BinaryMessage(new byte[] {1, 2, 3}));
    }

    @Test
    void base64WithPaddingDecodes() {
        assertThat(PacketCodec.decode("bAQIDBA==")).isEqualTo(new BinaryMessage(new byte[] {1, 2, 3, 4}));
    }

    @Test
    void probePingCarriesProbeAsData() {
        assertThat(PacketCodec.decode("2probe")).isEqualTo(new Ping("probe"));
        assertThat(PacketCodec.encode(new Pong("probe"))).isEqualTo("3probe");
    }

    @Test
    void heartbeatPacketsAreSingleDigits() {
        assertThat(PacketCodec.encode(EnginePacket.PING)).isEqualTo("2");
        assertThat(PacketCodec.decode("3")).isEqualTo(EnginePacket.PONG);
    }

    @Test
    void controlPacketsHaveNoData() {
        assertThat(PacketCodec.decode("1")).isEqualTo(EnginePacket.CLOSE);
        assertThat(PacketCodec.decode("5")).isEqualTo(EnginePacket.UPGRADE);
        assertThat(PacketCodec.decode("6")).isEqualTo(EnginePacket.NOOP);
        assertThat(PacketCodec.encode(EnginePacket.NOOP)).isEqualTo("6");
    }

    @Test
    void openPacketCarriesHandshakeJson() {
        assertThat(PacketCodec.encode(new Open("{\"sid\":\"abc\"}"))).isEqualTo("0{\"sid\":\"abc\"}");
    }

    @Test
    void unknownTypeIsRejectedNamingTheType() {
        assertThatThrownBy(() -> PacketCodec.decode("9"))
                .isInstanceOfSatisfying(PacketDecodeException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_TYPE))
                .hasMessageContaining("'9'");
        assertThatThrownBy(() -> PacketCodec.decode("xhello"))
                .isInstanceOfSatisfying(PacketDecodeException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.UNKNOWN_TYPE));
    }

    @Test
    void emptyPacketIsRejected() {
        assertThatThrownBy(() -> PacketCodec.decode(""))
                .isInstanceOfSatisfying(PacketDecodeException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.EMPTY_PACKET));
    }

    @Test
    void badBase64IsRejected() {
        assertThatThrownBy(() -> PacketCodec.decode("b$$$"))
                .isInstanceOfSatisfying(PacketDecodeException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_BASE64));
    }

    @Test
    void binaryWebSocketFrameIsBinaryMessageWithoutPrefix() {
        assertThat(PacketCodec.decodeBinaryFrame(new byte[] {1, 2, 3}))
                .isEqualTo(new BinaryMessage(new byte[] {1, 2, 3}));
    }

    @Test
    void unicodeTextSurvivesRoundTrip() {
        assertThat(PacketCodec.decode(PacketCodec.encode(new Message("€ 😀")))).isEqualTo(new Message("€ 😀"));
    }
}
