package com.ticketing.listing.stream;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Derives update event ids from input event ids, so a replay emits the very same ids. */
public final class UpdateIds {

    private UpdateIds() {
    }

    /** A name-based UUID of the input id and the update's position among the updates that event caused. */
    public static String derive(String inputEventId, int index) {
        String name = "listing-events-service/" + inputEventId + "/" + index;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
