package com.ticketing.launcher.faults;

import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;

/**
 * Follows a listing update along its path, partition by partition, twice a second: how far the marketplace's
 * input partition is written (its high watermark), how far listing-events-service has committed its reading of
 * it, and how far the update partition is written and committed. When deliveries of a listing pause, the
 * samples around the pause show at which of those steps its partition stood still. An offset the cluster did
 * not answer within the sample's time (a broker away) is {@code -1}.
 */
final class PartitionWatch implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(500);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.S").withZone(ZoneOffset.UTC);
    private static final Topic INPUT = Topics.LISTING_EVENTS;
    private static final Topic OUTPUT = Topics.LISTING_UPDATES;

    /** One moment's offsets of one partition number on the listing path. */
    record Sample(long atMillis, long published, long consumed, long written, long committed) {
    }

    private final Admin admin;
    private final String groupId;
    private final List<Sample[]> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean watching = true;

    /** @param groupId listing-events-service's application id, the group whose committed offsets are read */
    PartitionWatch(Admin admin, String groupId) {
        this.admin = admin;
        this.groupId = groupId;
        this.sampler = new Thread(this::run, "fault-partition-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** The partition a listing's events and updates go to: both topics are keyed by the listing id. */
    static int partitionOf(String listingId) {
        if (INPUT.partitions() != OUTPUT.partitions()) {
            throw new IllegalStateException("the input and update topics no longer have the same partitions");
        }
        // The producers' default partitioner for a keyed record.
        return Utils.toPositive(Utils.murmur2(listingId.getBytes(StandardCharsets.UTF_8))) % INPUT.partitions();
    }

    private void run() {
        while (watching) {
            long started = System.nanoTime();
            Sample[] now = sample();
            synchronized (samples) {
                samples.add(now);
            }
            long left = EVERY.toNanos() - (System.nanoTime() - started);
            if (left > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Sample[] sample() {
        long at = System.currentTimeMillis();
        Map<TopicPartition, Long> published = endOffsets(INPUT, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> written = endOffsets(OUTPUT, IsolationLevel.READ_UNCOMMITTED);
        Map<TopicPartition, Long> committed = endOffsets(OUTPUT, IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, Long> consumed = consumed();
        Sample[] row = new Sample[INPUT.partitions()];
        for (int p = 0; p < row.length; p++) {
            TopicPartition in = new TopicPartition(INPUT.name(), p);
            TopicPartition out = new TopicPartition(OUTPUT.name(), p);
            row[p] = new Sample(at, published.getOrDefault(in, -1L), consumed.getOrDefault(in, -1L),
                    written.getOrDefault(out, -1L), committed.getOrDefault(out, -1L));
        }
        return row;
    }

    private Map<TopicPartition, Long> endOffsets(Topic topic, IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            latest.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try {
            admin.listOffsets(latest, new ListOffsetsOptions(isolation).timeoutMs((int) EVERY.toMillis())).all()
                    .get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        } catch (Exception unanswered) {
            if (unanswered instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // left out: the sample says -1 for this moment
        }
        return offsets;
    }

    private Map<TopicPartition, Long> consumed() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(EVERY.toMillis(), TimeUnit.MILLISECONDS);
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
        } catch (Exception unanswered) {
            if (unanswered instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
        return offsets;
    }

    /**
     * The offsets of a listing's partition, a line a second, from a little before {@code from} to a little
     * after {@code to}, with how far each moved since the line before.
     */
    List<String> around(String listingId, Instant from, Instant to) {
        int partition = partitionOf(listingId);
        long start = from.toEpochMilli() - 3_000;
        long end = to.toEpochMilli() + 3_000;
        List<Sample> shown = new ArrayList<>();
        synchronized (samples) {
            for (Sample[] row : samples) {
                Sample sample = row[partition];
                if (sample.atMillis() >= start && sample.atMillis() <= end
                        && (shown.isEmpty() || sample.atMillis() - shown.get(shown.size() - 1).atMillis() >= 950)) {
                    shown.add(sample);
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("partition %d of %s and %s around the pause (%s to %s), a line a second:", partition,
                INPUT.name(), OUTPUT.name(), CLOCK.format(from), CLOCK.format(to)));
        lines.add(String.format("  %-10s  %-14s  %-22s  %-18s  %s", "time", "published", "read by the service",
                "updates written", "updates committed"));
        Sample before = null;
        for (Sample sample : shown) {
            lines.add(String.format("  %-10s  %-14s  %-22s  %-18s  %s", CLOCK.format(Instant.ofEpochMilli(sample.atMillis())),
                    step(sample.published(), before == null ? -1 : before.published()),
                    step(sample.consumed(), before == null ? -1 : before.consumed()),
                    step(sample.written(), before == null ? -1 : before.written()),
                    step(sample.committed(), before == null ? -1 : before.committed())));
            before = sample;
        }
        return lines;
    }

    /** "1234 +80": the offset and how far it moved since the line before (nothing to compare: no step). */
    private static String step(long offset, long before) {
        if (offset < 0) {
            return "?";
        }
        return before < 0 ? Long.toString(offset) : offset + " +" + (offset - before);
    }

    @Override
    public void close() {
        watching = false;
        sampler.interrupt();
        try {
            sampler.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
