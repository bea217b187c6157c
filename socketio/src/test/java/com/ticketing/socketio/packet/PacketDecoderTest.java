package com.ticketing.socketio.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PacketDecoderTest {

    private final PacketDecoder decoder = new PacketDecoder(PacketJson.strictMapper(), 10, 1_000);

    private Packet decode(String text) {
        return decoder.decodeText(text).orElseThrow();
    }

    @Test
    void bareConnectTargetsTheMainNamespaceWithoutAuth() {
        assertThat(decode("0")).isEqualTo(new Packet.Connect("/", null));
    }

    @Test
    void connectNamesItsNamespaceBeforeTheComma() {
        assertThat(decode("0/custom,")).isEqualTo(new Packet.Connect("/custom", null));
    }

    @Test
    void namespaceMayEndTheTextWithoutAComma() {
        assertThat(decode("1/custom")).isEqualTo(new Packet.Disconnect("/custom"));
    }

    @Test
    void connectCarriesTheAuthObject() {
        Packet.Connect connect = (Packet.Connect) decode("0{\"token\":\"x\"}");
        assertThat(connect.namespace()).isEqualTo("/");
        assertThat(connect.data().get("token").stringValue()).isEqualTo("x");
    }

    @Test
    void eventSplitsNameAndArguments() {
        Packet.Event event = (Packet.Event) decode("2[\"hello\",1]");
        assertThat(event.name()).isEqualTo("hello");
        assertThat(event.args()).extracting(JsonNode::intValue).containsExactly(1);
        assertThat(event.wantsAck()).isFalse();
    }

    @Test
    void digitsBeforeThePayloadAreTheAckId() {
        Packet.Event event = (Packet.Event) decode("212[\"a\"]");
        assertThat(event.ackId()).isEqualTo(12);
        assertThat(event.args()).isEmpty();
    }

    @Test
    void ackCarriesNamespaceIdAndArguments() {
        Packet.Ack ack = (Packet.Ack) decode("3/custom,12[\"ok\"]");
        assertThat(ack.namespace()).isEqualTo("/custom");
        assertThat(ack.ackId()).isEqualTo(12);
        assertThat(ack.args()).extracting(JsonNode::stringValue).containsExactly("ok");
    }

    @Test
    void connectErrorCarriesTheMessageObject() {
        Packet.ConnectError error = (Packet.ConnectError) decode("4{\"message\":\"Invalid namespace\"}");
        assertThat(error.data().get("message").stringValue()).isEqualTo("Invalid namespace");
    }

    // Over Engine.IO this is the message "451-[...]": the leading 4 is the Engine.IO message type.
    @Test
    void binaryEventWaitsForItsAttachmentsThenPutsThemInPlace() {
        assertThat(decoder.decodeText("51-[\"bin\",{\"_placeholder\":true,\"num\":0}]")).isEmpty();
        assertThat(decoder.isAwaitingAttachments()).isTrue();
        assertThat(decoder.pendingAttachments()).isEqualTo(1);

        Packet.Event event = (Packet.Event) decoder.decodeBinary(bytes("abc")).orElseThrow();

        assertThat(decoder.isAwaitingAttachments()).isFalse();
        assertThat(event.name()).isEqualTo("bin");
        assertThat(event.args().get(0).isBinary()).isTrue();
        assertThat(event.args().get(0).binaryValue()).isEqualTo(bytes("abc"));
    }

    @Test
    void binaryAttachmentsMayBeNestedAndOutOfOrder() {
        decoder.decodeText("52-/custom,7[\"up\",{\"a\":[{\"_placeholder\":true,\"num\":1}]},"
                + "{\"_placeholder\":true,\"num\":0}]");
        assertThat(decoder.decodeBinary(bytes("zero"))).isEmpty();
        Packet.Event event = (Packet.Event) decoder.decodeBinary(bytes("one")).orElseThrow();

        assertThat(event.namespace()).isEqualTo("/custom");
        assertThat(event.ackId()).isEqualTo(7);
        assertThat(event.args().get(0).get("a").get(0).binaryValue()).isEqualTo(bytes("one"));
        assertThat(event.args().get(1).binaryValue()).isEqualTo(bytes("zero"));
    }

    @Test
    void binaryAckIsReconstructedLikeABinaryEvent() {
        decoder.decodeText("61-3[{\"_placeholder\":true,\"num\":0}]");
        Packet.Ack ack = (Packet.Ack) decoder.decodeBinary(bytes("x")).orElseThrow();
        assertThat(ack.ackId()).isEqualTo(3);
        assertThat(ack.args().get(0).binaryValue()).isEqualTo(bytes("x"));
    }

    @Test
    void placeholderInAPlainEventStaysAnObject() {
        Packet.Event event = (Packet.Event) decode("2[\"e\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(event.args().get(0).isObject()).isTrue();
    }

    @Test
    void decoderReturnsToIdleAfterAnInvalidPacket() {
        assertThatThrownBy(() -> decode("9")).isInstanceOf(InvalidPacketException.class);
        assertThat(decode("2[\"ok\"]")).isInstanceOf(Packet.Event.class);
    }

    @ParameterizedTest(name = "\"{0}\" is not a packet")
    @ValueSource(strings = {
        "",                                 // nothing
        "7",                                // unknown type
        "a[\"x\"]",                         // not a digit
        "2[\"hello\"",                      // truncated JSON
        "2[\"hello\"]x",                    // trailing garbage
        "2{\"hello\":1}",                   // event payload not an array
        "2[]",                              // event without a name
        "2[1,2]",                           // event name not a string
        "2[null]",                          // event name not a string
        "2[\"connect\"]",                   // reserved name
        "2[\"disconnect\",1]",              // reserved name
        "2/custom,",                        // event without payload
        "2",                                // event without payload
        "3[\"ok\"]",                        // ack without id
        "312",                              // ack without payload
        "312{}",                            // ack payload not an array
        "299999999999999999999[\"a\"]",     // ack id overflow
        "29007199254740992[\"a\"]",         // ack id above 2^53-1
        "0\"token\"",                       // connect payload not an object
        "01{}",                             // connect with an ack id
        "1{}",                              // disconnect with a payload
        "5[\"a\"]",                         // binary event without attachment count
        "5x-[\"a\"]",                       // attachment count not a number
        "51[\"a\"]",                        // attachment count without dash
        "511-[\"a\",{\"_placeholder\":true,\"num\":0}]", // more attachments than allowed
        "51-\"a\"",                         // binary payload not a container
    })
    void malformedTextIsRejected(String wire) {
        assertThatThrownBy(() -> decoder.decodeText(wire)).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void largestSafeAckIdIsAccepted() {
        assertThat(((Packet.Event) decode("29007199254740991[\"a\"]")).ackId())
                .isEqualTo(SocketIoProtocol.MAX_ACK_ID);
    }

    @Test
    void placeholderOutsideTheAnnouncedAttachmentsIsRejected() {
        decoder.decodeText("51-[\"a\",{\"_placeholder\":true,\"num\":1}]");
        assertThatThrownBy(() -> decoder.decodeBinary(bytes("x"))).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void attachmentNobodyReferencesIsRejected() {
        decoder.decodeText("52-[\"a\",{\"_placeholder\":true,\"num\":0}]");
        decoder.decodeBinary(bytes("x"));
        assertThatThrownBy(() -> decoder.decodeBinary(bytes("y"))).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void placeholderNumMustBeAnInteger() {
        decoder.decodeText("51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]");
        assertThatThrownBy(() -> decoder.decodeBinary(bytes("x"))).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void binaryPlaceholderCannotBeTheEventName() {
        decoder.decodeText("51-[{\"_placeholder\":true,\"num\":0}]");
        assertThatThrownBy(() -> decoder.decodeBinary(bytes("x"))).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void textWhileAwaitingAttachmentsIsRejected() {
        decoder.decodeText("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");
        assertThatThrownBy(() -> decoder.decodeText("2[\"b\"]")).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void binaryWithoutAnnouncementIsRejected() {
        assertThatThrownBy(() -> decoder.decodeBinary(bytes("x"))).isInstanceOf(InvalidPacketException.class);
    }

    @Test
    void zeroAttachmentBinaryEventIsCompleteAtOnce() {
        assertThat(decode("50-[\"a\"]")).isEqualTo(new Packet.Event("/", "a", List.of(), Packet.NO_ACK));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBinaryHeaderIsCheckedWhenItArrives() {
        assertThatThrownBy(() -> decoder.decodeText("51-[\"a\",{\"_placeholder\":true"))
                .isInstanceOf(InvalidPacketException.class);
        assertThatThrownBy(() -> decoder.decodeText("51-[\"a\"] trailing")).isInstanceOf(InvalidPacketException.class);
        assertThat(decoder.isAwaitingAttachments()).isFalse();
    }

    @Test
    void aPacketMayHoldNoMoreThanTheByteBudgetWhileItsAttachmentsArrive() {
        decoder.decodeText("52-[\"a\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
        decoder.decodeBinary(new byte[600]);

        assertThatThrownBy(() -> decoder.decodeBinary(new byte[600])).isInstanceOf(InvalidPacketException.class);
        assertThat(decoder.isAwaitingAttachments()).isFalse();
    }

    @Test
    void aBinaryHeaderAboveTheByteBudgetIsRefusedAtOnce() {
        String header = "51-[\"a\"," + "{},".repeat(400) + "{\"_placeholder\":true,\"num\":0}]";

        assertThatThrownBy(() -> decoder.decodeText(header)).isInstanceOf(InvalidPacketException.class);
    }
}
