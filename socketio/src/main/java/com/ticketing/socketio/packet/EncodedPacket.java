package com.ticketing.socketio.packet;

import java.util.List;

/**
 * A packet in its wire form: the text message, then its binary attachments in order.
 *
 * @param text        the text part, sent as one Engine.IO message
 * @param attachments the binary attachments, each sent as one binary Engine.IO message
 */
public record EncodedPacket(String text, List<byte[]> attachments) {

    public EncodedPacket {
        attachments = List.copyOf(attachments);
    }
}
