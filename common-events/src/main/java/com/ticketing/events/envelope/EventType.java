package com.ticketing.events.envelope;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One versioned event type: its CloudEvents {@code type} string and the Java payload it carries.
 *
 * @param name         {@code ticketing.<aggregate>.<fact>.v<N>}
 * @param payloadClass the record {@code data} is read into
 */
public record EventType<T>(String name, Class<T> payloadClass) {

    private static final Pattern NAME = Pattern.compile("ticketing\\.[a-z]+\\.[a-z_]+\\.v[1-9][0-9]*");
    private static final String PREFIX = "ticketing.";

    public EventType {
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("event type must look like ticketing.<aggregate>.<fact>.v<N>: " + name);
        }
    }

    /** The contract's short name without prefix and version, e.g. {@code listing.created}. */
    public String shortName() {
        return name.substring(PREFIX.length(), name.lastIndexOf(".v"));
    }

    /** The aggregate part, e.g. {@code listing}. */
    public String aggregate() {
        return shortName().substring(0, shortName().indexOf('.'));
    }

    /** The fact part, e.g. {@code created}. */
    public String fact() {
        return shortName().substring(shortName().indexOf('.') + 1);
    }

    /** The major version N of {@code data}'s shape. */
    public int version() {
        return Integer.parseInt(name.substring(name.lastIndexOf(".v") + 2));
    }
}
