package com.ticketing.gateway.block;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.payload.typing.TypingSignal;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BlockSetTest {

    private final BlockSet blocks = new BlockSet();
    private long offset;

    @Test
    void aBlockHoldsFromTheBlockerToTheBlockedAndStopsBothFromTyping() {
        blocks.take(blocked("alice", "bob"));

        assertThat(blocks.blocks("alice", "bob")).isTrue();
        assertThat(blocks.blocks("bob", "alice")).isFalse();
        assertThat(blocks.isBlockedEitherWay("alice", "bob")).isTrue();
        assertThat(blocks.isBlockedEitherWay("bob", "alice")).isTrue();
        assertThat(blocks.between("bob", "alice")).isEqualTo(Blocking.BY_RECEIVER);
        assertThat(blocks.between("alice", "bob")).isEqualTo(Blocking.BY_SENDER);
        assertThat(blocks.between("alice", "carol")).isEqualTo(Blocking.NONE);
    }

    @Test
    void theLatestFactOfAPairWins() {
        blocks.take(blocked("alice", "bob"));
        blocks.take(unblocked("alice", "bob"));
        assertThat(blocks.isBlockedEitherWay("alice", "bob")).isFalse();

        blocks.take(blocked("alice", "bob"));
        assertThat(blocks.blocks("alice", "bob")).isTrue();
        assertThat(blocks.size()).isEqualTo(1);
    }

    @Test
    void eachDirectionIsAFactOfItsOwn() {
        blocks.take(blocked("alice", "bob"));
        blocks.take(blocked("bob", "alice"));
        assertThat(blocks.between("alice", "bob")).as("the receiver's block comes first").isEqualTo(Blocking.BY_RECEIVER);

        blocks.take(unblocked("alice", "bob"));

        assertThat(blocks.blocks("alice", "bob")).isFalse();
        assertThat(blocks.blocks("bob", "alice")).isTrue();
        assertThat(blocks.between("alice", "bob")).isEqualTo(Blocking.BY_RECEIVER);
        assertThat(blocks.between("bob", "alice")).isEqualTo(Blocking.BY_SENDER);
    }

    @Test
    void aTombstoneLiftsTheBlockItsKeyNames() {
        blocks.take(blocked("alice", "bob"));
        blocks.take(record(BlockKey.of("alice", "bob"), null));

        assertThat(blocks.isBlockedEitherWay("alice", "bob")).isFalse();
    }

    @Test
    void unknownTypesAndUnreadableRecordsAreSkippedAndTheFoldGoesOn() {
        String unknownType = new String(EventCodec.encode(CloudEvent.of(EventTypes.USER_BLOCKED, "/message-service",
                BlockKey.of("carol", "dave"), new UserBlocked("carol", "dave", Instant.now()))), StandardCharsets.UTF_8)
                .replace(EventTypes.USER_BLOCKED.name(), "ticketing.user.muted.v1");
        blocks.take(record(BlockKey.of("carol", "dave"), unknownType.getBytes(StandardCharsets.UTF_8)));
        blocks.take(record(BlockKey.of("carol", "dave"), "{not json".getBytes(StandardCharsets.UTF_8)));
        blocks.take(record(BlockKey.of("carol", "dave"), "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8)));
        blocks.take(record("dave", EventCodec.encode(CloudEvent.of(EventTypes.TYPING_STARTED, "/gateway", "dave",
                new TypingSignal("carol", "dave")))));
        assertThat(blocks.size()).isZero();

        blocks.take(blocked("carol", "dave"));
        assertThat(blocks.blocks("carol", "dave")).isTrue();
    }

    @Test
    void aRecordWhoseKeyIsNotItsPairIsSkipped() {
        blocks.take(record(BlockKey.of("mallory", "bob"), EventCodec.encode(CloudEvent.of(EventTypes.USER_BLOCKED,
                "/message-service", BlockKey.of("alice", "bob"), new UserBlocked("alice", "bob", Instant.now())))));

        assertThat(blocks.isBlockedEitherWay("alice", "bob")).isFalse();
        assertThat(blocks.isBlockedEitherWay("mallory", "bob")).isFalse();
    }

    private ConsumerRecord<String, byte[]> blocked(String blocker, String blocked) {
        String key = BlockKey.of(blocker, blocked);
        return record(key, EventCodec.encode(CloudEvent.of(EventTypes.USER_BLOCKED, "/message-service", key,
                new UserBlocked(blocker, blocked, Instant.now()))));
    }

    private ConsumerRecord<String, byte[]> unblocked(String blocker, String blocked) {
        String key = BlockKey.of(blocker, blocked);
        return record(key, EventCodec.encode(CloudEvent.of(EventTypes.USER_UNBLOCKED, "/message-service", key,
                new UserUnblocked(blocker, blocked, Instant.now()))));
    }

    private ConsumerRecord<String, byte[]> record(String key, byte[] value) {
        return new ConsumerRecord<>(Topics.USER_BLOCKS.name(), 0, offset++, key, value);
    }
}
