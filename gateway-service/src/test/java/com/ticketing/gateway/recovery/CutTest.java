package com.ticketing.gateway.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.fanout.Rooms;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The recovery offset on the wire, the slots of a room, and the cut the feed gives each event it emits. */
class CutTest {

    private final FeedLayout layout = FeedLayout.ofContract();

    @Test
    void aCutIsWrittenAsVersionLayoutSlotSentAndTheNextOffsetsInBase36() {
        long[] next = new long[18];
        next[0] = 35;
        next[2] = 36;
        next[17] = 1_000_000;
        Cut cut = new Cut("6.6.6", next, 2, 1);

        assertThat(cut.encode()).isEqualTo("1~6.6.6~2~1~z.0.10.0.0.0.0.0.0.0.0.0.0.0.0.0.0.lfls");
        assertThat(Cut.parse(cut.encode(), layout)).contains(cut);
    }

    @Test
    void anOffsetOfAnotherLayoutVersionOrShapeIsNotACut() {
        String zeros = String.join(".", java.util.Collections.nCopies(18, "0"));
        assertThat(Cut.parse("1~6.6.6~0~0~" + zeros, layout)).isPresent();
        assertThat(Cut.parse("1~12.6.6~0~0~" + zeros, layout)).as("other partition counts").isEmpty();
        assertThat(Cut.parse("2~6.6.6~0~0~" + zeros, layout)).as("another version").isEmpty();
        assertThat(Cut.parse("1~6.6.6~0~0~0.0", layout)).as("too few slots").isEmpty();
        assertThat(Cut.parse("1~6.6.6~i~0~" + zeros, layout)).as("slot out of range").isEmpty();
        assertThat(Cut.parse("1~6.6.6~0~0~" + zeros.replaceFirst("0", "-1"), layout)).isEmpty();
        assertThat(Cut.parse("abc-12", layout)).as("the in-memory store's kind").isEmpty();
        assertThat(Cut.parse(null, layout)).isEmpty();
    }

    @Test
    void aListingRoomIsTheOnePartitionItsKeyGoesToAndAPersonalRoomEveryMessagePartition() {
        for (String listingId : List.of("lst-1", "lst-2", "bench-lst-77", "x")) {
            int partition = BuiltInPartitioner.partitionForKey(listingId.getBytes(StandardCharsets.UTF_8),
                    Topics.LISTING_UPDATES.partitions());
            assertThat(layout.slotsOf(Rooms.listing(listingId)))
                    .containsExactly(layout.slot(Topics.LISTING_UPDATES.name(), partition));
        }
        int transaction = BuiltInPartitioner.partitionForKey("txn-9".getBytes(StandardCharsets.UTF_8), 6);
        assertThat(layout.slotsOf(Rooms.transaction("txn-9"))).containsExactly(6 + transaction);
        assertThat(layout.slotsOf(Rooms.user("alice"))).containsExactly(IntStream.range(12, 18).toArray());
        assertThat(layout.slotsOf("some-socket-id")).isEmpty();
        assertThat(layout.slot(Topics.TYPING_SIGNALS.name(), 0)).as("typing is not replayed").isEqualTo(-1);
    }

    @Test
    void eachEventOfARecordCarriesTheCutAfterItAndTheRecordEndsBeforeTheNext() {
        FeedState feed = new FeedState(layout, Duration.ofMinutes(4), 1 << 20, room -> true);
        for (int slot = 0; slot < layout.slots(); slot++) {
            feed.startsAt(slot, 100);
        }
        feed.ownedByCurrentThread();
        int slot = layout.slot(Topics.MESSAGE_EVENTS.name(), 3);

        feed.begin(Topics.MESSAGE_EVENTS.name(), 3, 100, "alice:bob", new byte[] {1});
        Cut first = Cut.parse(feed.cutOfEmit(List.of("user:bob")), layout).orElseThrow();
        Cut second = Cut.parse(feed.cutOfEmit(List.of("user:alice")), layout).orElseThrow();
        feed.end(slot, 100);

        assertThat(first.start(slot)).isEqualTo(100);
        assertThat(first.alreadySent(slot)).isEqualTo(1);
        assertThat(second.alreadySent(slot)).isEqualTo(2);
        assertThat(feed.next(slot)).isEqualTo(101);
        assertThat(feed.publishedNext(slot)).isEqualTo(101);
        assertThat(feed.lastSent(slot, "user:bob")).isEqualTo(100L);
        assertThat(feed.window(slot)).extracting(FeedState.Kept::offset).containsExactly(100L);
        assertThat(feed.cutOfEmit(List.of("user:bob"))).as("no record being routed").isNull();
    }

    @Test
    void anEmitFromAnotherThreadCarriesNoCut() throws Exception {
        FeedState feed = new FeedState(layout, Duration.ofMinutes(4), 1 << 20, room -> true);
        feed.ownedByCurrentThread();
        feed.begin(Topics.LISTING_UPDATES.name(), 0, 5, "lst-1", new byte[] {1});
        String[] elsewhere = new String[1];
        Thread other = new Thread(() -> elsewhere[0] = feed.cutOfEmit(List.of("listing:lst-1")));
        other.start();
        other.join();

        assertThat(elsewhere[0]).isNull();
    }

    @Test
    void theWindowForgetsTheOldestRecordsPastItsBudgetAndSaysWhereItNowStarts() {
        FeedState feed = new FeedState(layout, Duration.ofMinutes(4), 3 * (100 + 64), room -> true);
        feed.startsAt(0, 0);
        feed.ownedByCurrentThread();
        for (long offset = 0; offset < 5; offset++) {
            feed.begin(Topics.LISTING_UPDATES.name(), 0, offset, "k", new byte[100]);
            feed.end(0, offset);
        }

        assertThat(feed.window(0)).extracting(FeedState.Kept::offset).containsExactly(2L, 3L, 4L);
        assertThat(feed.windowStart(0)).isEqualTo(2);
    }
}
