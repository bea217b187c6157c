package com.ticketing.events.serde;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads the one timestamp form every event here is written in, {@code 2026-12-03T16:23:12.123456789Z}
 * (what {@link Instant#toString()} writes), by position and arithmetic. {@link Instant#parse} goes
 * through the general {@code DateTimeFormatter} machinery, which for one timestamp allocates about
 * twenty objects (a parse context, a field map, boxed values); the gateway's feed reads two per event,
 * and that was a third of everything it allocated. Anything else (an offset, a leap second, a
 * lowercase {@code t}, a number) is left to the standard parser, so what is accepted and what
 * fails, with which message, does not change.
 */
final class UtcInstants {

    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private UtcInstants() {
    }

    /** The instant of {@code text}, read by the fast path when it has the canonical form, else by {@link Instant#parse}. */
    static Instant parse(String text) {
        Instant instant = parseCanonical(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** {@code uuuu-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields, or null for anything else. */
    static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = text.charAt(19) == '.' ? digits(text, 20, fractionDigits) : -1;
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * SCALE[fractionDigits - 1];
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > lengthOfMonth(year, month)) {
            return null; // digits() gives -1 for a non-digit
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Jackson's reader of {@link Instant}, with the fast path in front of its own. */
    static final class Deserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                Instant instant = parseCanonical(parser.getString());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }

        @Override
        public Class<?> handledType() {
            return Instant.class;
        }
    }
}
