package com.ticketing.gateway.socket;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads the arguments clients send with their events. */
public final class Arguments {

    private Arguments() {
    }

    /** The first argument if it is a string, else null. */
    public static String firstString(List<JsonNode> args) {
        return args.isEmpty() || !args.get(0).isString() ? null : args.get(0).asString();
    }

    /** The first argument if it is an object, else null. */
    public static JsonNode firstObject(List<JsonNode> args) {
        return args.isEmpty() || !args.get(0).isObject() ? null : args.get(0);
    }

    /** A string field of an object, or null when absent, null or not a string. */
    public static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }
}
