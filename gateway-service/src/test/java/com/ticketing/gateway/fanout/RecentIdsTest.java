package com.ticketing.gateway.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The feed's memory of event ids: a second copy is recognised, for at least as many ids as it was sized for. */
class RecentIdsTest {

    @Test
    void anIdIsNewOnceAndRepeatedAfterwards() {
        RecentIds ids = new RecentIds(10);

        assertThat(ids.seenBefore("evt-1")).isFalse();
        assertThat(ids.seenBefore("evt-2")).isFalse();
        assertThat(ids.seenBefore("evt-1")).isTrue();
        assertThat(ids.seenBefore("evt-1")).isTrue();
    }

    @Test
    void theLastCapacityIdsAreAlwaysRememberedAndMuchOlderOnesForgotten() {
        int capacity = 1_000;
        RecentIds ids = new RecentIds(capacity);
        IntStream.range(0, 10_000).forEach(i -> assertThat(ids.seenBefore("evt-" + i)).isFalse());

        // every one of the last 1,000 is still known (asked newest first: asking does not add them again)
        assertThat(IntStream.range(9_000, 10_000).map(i -> 18_999 - i).filter(i -> !ids.seenBefore("evt-" + i)))
                .isEmpty();
        // far beyond twice the capacity nothing is remembered, so an id that old counts as new
        assertThat(ids.seenBefore("evt-0")).isFalse();
    }
}
