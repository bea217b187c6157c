package com.ticketing.socketio.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates hostile frames from valid Engine.IO / Socket.IO packets, reproducibly from a seed:
 * truncations, flipped and inserted characters, wrong types, huge counts and ack ids, deep nesting,
 * invalid UTF-8, and binary where text is expected.
 */
final class FrameMutator {

    /** Valid frames as a Socket.IO client sends them over Engine.IO (the leading 4 is the message type). */
    static final List<String> CORPUS = List.of(
            "40", "40{\"token\":\"abc\"}", "40/custom,{\"x\":1}", "41", "42[\"hello\"]", "421[\"ack\",{\"a\":[1,2]}]",
            "42[\"message\",\"text\",{\"nested\":{\"deep\":[true,null,1.5]}}]", "431[\"answer\"]",
            "451-[\"file\",{\"_placeholder\":true,\"num\":0}]", "4612-[{\"_placeholder\":true,\"num\":0}]",
            "2", "3", "3probe", "5", "6", "1");

    private static final String[] INSERTS = {"[", "]", "{", "}", "\"", ",", "-", "/", "0", "9", "\u0000", "\u001e",
        "\uD800", "_placeholder", "99999999999999999999", "-1", "null", "\\"};

    private final SplittableRandom random;

    FrameMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next text frame: a corpus entry mutated once or a few times, or one of the pathological shapes. */
    String nextText() {
        int shape = random.nextInt(20);
        if (shape == 0) {
            return "4" + "[".repeat(1 + random.nextInt(20_000)); // deep nesting
        }
        if (shape == 1) {
            return "45" + random.nextInt(Integer.MAX_VALUE) + "-[\"a\"]"; // a huge attachment count
        }
        if (shape == 2) {
            return "42" + "9".repeat(1 + random.nextInt(40)) + "[\"a\"]"; // a huge ack id
        }
        if (shape == 3) {
            return "451-[" + "{},".repeat(random.nextInt(5_000)) + "{\"_placeholder\":true,\"num\":0}]";
        }
        String frame = CORPUS.get(random.nextInt(CORPUS.size()));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            frame = mutate(frame);
        }
        return frame;
    }

    /** The next binary frame: random bytes, or text bytes where a binary attachment is expected, or invalid UTF-8. */
    byte[] nextBinary() {
        return switch (random.nextInt(3)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> nextText().getBytes(StandardCharsets.UTF_8);
            default -> new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        };
    }

    boolean nextBoolean(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private String mutate(String frame) {
        if (frame.isEmpty()) {
            return INSERTS[random.nextInt(INSERTS.length)];
        }
        int at = random.nextInt(frame.length() + 1);
        return switch (random.nextInt(5)) {
            case 0 -> frame.substring(0, at); // truncated
            case 1 -> frame.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + frame.substring(at);
            case 2 -> at < frame.length() ? frame.substring(0, at) + (char) random.nextInt(0x80) + frame.substring(at + 1)
                    : frame;
            case 3 -> (char) ('0' + random.nextInt(10)) + frame.substring(1); // another packet type
            default -> frame + frame.substring(at); // repeated tail
        };
    }
}
