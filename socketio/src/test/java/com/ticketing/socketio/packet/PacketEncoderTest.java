package com.ticketing.socketio.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class PacketEncoderTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonMapper mapper = PacketJson.strictMapper();
    private final PacketEncoder encoder = new PacketEncoder(mapper);

    @Test
    void connectReplyOnTheMainNamespaceOmitsTheNamespace() {
        ObjectNode data = NODES.objectNode().put("sid", "abc");
        assertThat(encoder.encode(new Packet.Connect("/", data)).text()).isEqualTo("0{\"sid\":\"abc\"}");
    }

    @Test
    void otherNamespacesArePrefixedAndEndWithAComma() {
        assertThat(encoder.encode(new Packet.Disconnect("/custom")).text()).isEqualTo("1/custom,");
        assertThat(encoder.encode(new Packet.Disconnect("/")).text()).isEqualTo("1");
    }

    @Test
    void eventWithAckIdPutsTheIdBeforeThePayload() {
        Packet.Event event = new Packet.Event("/", "hello", List.of(NODES.numberNode(1)), 12);
        EncodedPacket encoded = encoder.encode(event);
        assertThat(encoded.text()).isEqualTo("212[\"hello\",1]");
        assertThat(encoded.attachments()).isEmpty();
    }

    @Test
    void ackOnACustomNamespace() {
        Packet.Ack ack = new Packet.Ack("/custom", 12, List.of(NODES.stringNode("ok")));
        assertThat(encoder.encode(ack).text()).isEqualTo("3/custom,12[\"ok\"]");
    }

    @Test
    void connectErrorCarriesMessageAndData() {
        ObjectNode data = NODES.objectNode().put("message", "Invalid namespace");
        assertThat(encoder.encode(new Packet.ConnectError("/", data)).text())
                .isEqualTo("4{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void binaryArgumentsBecomePlaceholdersAndAttachmentsInOrder() {
        ObjectNode nested = NODES.objectNode();
        nested.set("b", NODES.binaryNode(bytes("two")));
        Packet.Event event = new Packet.Event("/", "bin",
                List.of(NODES.binaryNode(bytes("one")), nested), Packet.NO_ACK);

        EncodedPacket encoded = encoder.encode(event);

        assertThat(encoded.text()).isEqualTo("52-[\"bin\",{\"_placeholder\":true,\"num\":0},"
                + "{\"b\":{\"_placeholder\":true,\"num\":1}}]");
        assertThat(encoded.attachments()).containsExactly(bytes("one"), bytes("two"));
        assertThat(nested.get("b").isBinary()).as("the caller's tree is left untouched").isTrue();
    }

    @Test
    void binaryAckIsType6() {
        Packet.Ack ack = new Packet.Ack("/custom", 3, List.of(NODES.binaryNode(bytes("x"))));
        assertThat(encoder.encode(ack).text()).isEqualTo("61-/custom,3[{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void decodingWhatWasEncodedGivesBackTheSamePacket() {
        ObjectNode nested = NODES.objectNode();
        nested.set("deep", NODES.arrayNode().add(1).add(NODES.binaryNode(bytes("z"))));
        Packet.Event original = new Packet.Event("/x", "ev", List.of(nested, NODES.stringNode("é")), 42);
        EncodedPacket encoded = encoder.encode(original);

        PacketDecoder decoder = new PacketDecoder(mapper, 10, 1_000_000);
        assertThat(decoder.decodeText(encoded.text())).isEmpty();
        Packet decoded = decoder.decodeBinary(encoded.attachments().get(0)).orElseThrow();

        assertThat(decoded).isEqualTo(original);
    }

    @Test
    void stringsAreEscapedAsJson() {
        JsonNode tricky = NODES.stringNode("a\"b\n");
        assertThat(encoder.encode(new Packet.Event("/", "e", List.of(tricky), Packet.NO_ACK)).text())
                .isEqualTo("2[\"e\",\"a\\\"b\\n\"]");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
