package com.ticketing.gateway.recovery;

import com.ticketing.events.topic.Topic;
import com.ticketing.events.topic.Topics;
import com.ticketing.gateway.fanout.Rooms;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;

/**
 * The partitions a recovery offset cuts through, each a numbered slot: every partition of the
 * topics whose events a socket may have to get back (listing updates, transaction updates, message
 * events; typing signals are not replayed). Records are keyed by their aggregate, so the slot of a
 * listing's or a transaction's room is the one partition the default partitioner puts its key in;
 * a user's personal room takes its messages from every message-event partition.
 */
public final class FeedLayout {

    static final List<Topic> REPLAYED = List.of(Topics.LISTING_UPDATES, Topics.TRANSACTION_UPDATES,
            Topics.MESSAGE_EVENTS);

    private final int[] partitions;
    private final int[] firstSlot;
    private final String fingerprint;

    /** @param partitionCounts the partition count of each replayed topic, by name */
    public FeedLayout(Map<String, Integer> partitionCounts) {
        partitions = new int[REPLAYED.size()];
        firstSlot = new int[REPLAYED.size()];
        int next = 0;
        StringBuilder print = new StringBuilder();
        for (int i = 0; i < REPLAYED.size(); i++) {
            Integer count = partitionCounts.get(REPLAYED.get(i).name());
            if (count == null || count < 1) {
                throw new IllegalArgumentException("no partition count for " + REPLAYED.get(i).name());
            }
            partitions[i] = count;
            firstSlot[i] = next;
            next += count;
            print.append(i == 0 ? "" : ".").append(count);
        }
        fingerprint = print.toString();
    }

    /** The layout with the contract's partition counts. */
    public static FeedLayout ofContract() {
        return new FeedLayout(Map.of(Topics.LISTING_UPDATES.name(), Topics.LISTING_UPDATES.partitions(),
                Topics.TRANSACTION_UPDATES.name(), Topics.TRANSACTION_UPDATES.partitions(),
                Topics.MESSAGE_EVENTS.name(), Topics.MESSAGE_EVENTS.partitions()));
    }

    public int slots() {
        return firstSlot[firstSlot.length - 1] + partitions[partitions.length - 1];
    }

    /** The partition counts, e.g. {@code 6.6.6}: an offset cut through another layout cannot be read. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The slot of a partition, or -1 for a topic that is not replayed. */
    public int slot(String topic, int partition) {
        for (int i = 0; i < REPLAYED.size(); i++) {
            if (REPLAYED.get(i).name().equals(topic)) {
                return partition < partitions[i] ? firstSlot[i] + partition : -1;
            }
        }
        return -1;
    }

    /** The topic of a slot. */
    public String topicOf(int slot) {
        for (int i = REPLAYED.size() - 1; i >= 0; i--) {
            if (slot >= firstSlot[i]) {
                return REPLAYED.get(i).name();
            }
        }
        throw new IllegalArgumentException("no slot " + slot);
    }

    /** The partition of a slot within its topic. */
    public int partitionOf(int slot) {
        for (int i = REPLAYED.size() - 1; i >= 0; i--) {
            if (slot >= firstSlot[i]) {
                return slot - firstSlot[i];
            }
        }
        throw new IllegalArgumentException("no slot " + slot);
    }

    /** The slots whose records may carry events for {@code room}; none for a room nothing is replayed to. */
    public int[] slotsOf(String room) {
        if (room.startsWith(Rooms.listing(""))) {
            return new int[] {keySlot(0, room.substring(Rooms.listing("").length()))};
        }
        if (room.startsWith(Rooms.transaction(""))) {
            return new int[] {keySlot(1, room.substring(Rooms.transaction("").length()))};
        }
        if (room.startsWith(Rooms.user(""))) {
            return IntStream.range(firstSlot[2], firstSlot[2] + partitions[2]).toArray();
        }
        return new int[0];
    }

    /** As Kafka's default partitioner places a keyed record. */
    private int keySlot(int topic, String key) {
        int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions[topic];
        return firstSlot[topic] + partition;
    }
}
