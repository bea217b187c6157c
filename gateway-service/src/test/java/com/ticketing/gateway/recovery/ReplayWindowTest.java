package com.ticketing.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.ticketing.gateway.recovery.FeedState.Kept;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The replay window: what it gives back, in which order, and what it lets go of. */
class ReplayWindowTest {

    private static final long KEEP = TimeUnit.MINUTES.toNanos(3);
    private static final long T0 = 1_000_000_000L;

    @Test
    void eachPartitionGivesBackItsRecordsOldestFirstExactlyAsTheyWereAdded() {
        ReplayWindow window = new ReplayWindow(3, KEEP, 1 << 30);
        window.add(0, 10, "listing-1", value("a"), T0);
        window.add(2, 7, null, value("b"), T0 + 1);
        window.add(0, 11, "listing-ü", value("c"), T0 + 2);

        assertThat(window.records(0)).extracting(Kept::offset, Kept::key, kept -> text(kept.value()), Kept::keptAtNanos,
                Kept::repeat).containsExactly(
                        tuple(10L, "listing-1", "a", T0, false),
                        tuple(11L, "listing-ü", "c", T0 + 2, false));
        assertThat(window.records(2)).extracting(Kept::offset, Kept::key).containsExactly(
                tuple(7L, null));
        assertThat(window.records(1)).isEmpty();
    }

    @Test
    void aRepeatIsMarkedOnTheRecordAddedLast() {
        ReplayWindow window = new ReplayWindow(1, KEEP, 1 << 30);
        window.add(0, 1, "k", value("first"), T0);
        window.add(0, 2, "k", value("again"), T0);
        window.markLastRepeat();

        assertThat(window.records(0)).extracting(Kept::repeat).containsExactly(false, true);
    }

    @Test
    void recordsOlderThanTheKeepLeaveAndTheWindowThenStartsAfterThem() {
        ReplayWindow window = new ReplayWindow(2, KEEP, 1 << 30);
        window.startsAt(0, 5);
        window.startsAt(1, 40);
        window.add(0, 5, "k", value("old"), T0);
        window.add(1, 40, "k", value("old too"), T0 + 1);
        window.add(0, 6, "k", value("new"), T0 + KEEP);

        assertThat(window.windowStart(0)).isEqualTo(5);
        window.add(0, 7, "k", value("newer"), T0 + KEEP + 2); // both first records are now older than the keep

        assertThat(window.records(0)).extracting(Kept::offset).containsExactly(6L, 7L);
        assertThat(window.records(1)).isEmpty();
        assertThat(window.windowStart(0)).isEqualTo(6);
        assertThat(window.windowStart(1)).isEqualTo(41);
    }

    @Test
    void overItsSizeTheOldestRecordsOfAnyPartitionLeaveFirst() {
        byte[] payload = new byte[1000];
        ReplayWindow window = new ReplayWindow(2, KEEP, 3_200);
        window.add(1, 100, "k", payload, T0);
        window.add(0, 0, "k", payload, T0);
        window.add(0, 1, "k", payload, T0);
        window.add(1, 101, "k", payload, T0); // four records of about 1 KB: the oldest, of partition 1, leaves

        assertThat(window.records(1)).extracting(Kept::offset).containsExactly(101L);
        assertThat(window.records(0)).extracting(Kept::offset).containsExactly(0L, 1L);
        assertThat(window.windowStart(1)).isEqualTo(101);
        assertThat(window.bytes()).isLessThanOrEqualTo(3_200);
    }

    @Test
    void chunksAreReusedOnceTheirRecordsAreGoneSoASteadyFeedKeepsAFixedNumberOfThem() {
        byte[] payload = new byte[10_000];
        long keep = 1_000;
        ReplayWindow window = new ReplayWindow(1, keep, 1 << 30);
        List<Integer> chunksInUse = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) { // 20 MB through a window that holds 101 records (about 1 MB)
            window.add(0, i, "k", payload, T0 + i * 10L);
            chunksInUse.add(window.chunksInUse());
        }

        assertThat(window.records(0)).extracting(Kept::offset).hasSize(101).startsWith(1_899L).endsWith(1_999L);
        assertThat(chunksInUse.subList(1_000, 2_000)).allSatisfy(chunks -> assertThat(chunks).isBetween(1, 2));
    }

    @Test
    void aRecordLargerThanAChunkIsKeptWhole() {
        byte[] large = new byte[ReplayWindow.CHUNK_BYTES + 123];
        Arrays.fill(large, (byte) 'x');
        ReplayWindow window = new ReplayWindow(1, KEEP, 1L << 30);
        window.add(0, 1, "k", value("small"), T0);
        window.add(0, 2, "k", large, T0);
        window.add(0, 3, "k", value("after"), T0);

        assertThat(window.records(0)).extracting(Kept::offset).containsExactly(1L, 2L, 3L);
        assertThat(window.records(0)).element(1).satisfies(kept -> assertThat(kept.value()).isEqualTo(large));
        assertThat(window.records(0)).element(2).satisfies(kept -> assertThat(text(kept.value())).isEqualTo("after"));
    }

    @Test
    void aTombstoneIsKeptAsAnEmptyValue() {
        ReplayWindow window = new ReplayWindow(1, KEEP, 1 << 30);
        window.add(0, 1, "k", null, T0);

        assertThat(window.records(0)).singleElement().satisfies(kept -> assertThat(kept.value()).isEmpty());
    }

    private static byte[] value(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
