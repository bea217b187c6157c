package com.ticketing.listing.stream;

import com.ticketing.events.topic.Topic;

/** The three topics of one aggregate topology; tests and the benchmark use their own names. */
public record TopicNames(String input, String updates, String deadLetter) {

    /** The names of an input topic, its update topic and the input's dead-letter topic. */
    public static TopicNames of(Topic input, Topic updates) {
        return new TopicNames(input.name(), updates.name(), input.deadLetter().name());
    }

    /** Names with a common prefix, for tests that must not share topics. */
    public static TopicNames prefixed(String prefix, Topic input, Topic updates) {
        return new TopicNames(prefix + input.name(), prefix + updates.name(), prefix + input.deadLetter().name());
    }
}
