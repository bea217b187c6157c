package com.ticketing.gateway.block;

import static com.ticketing.events.envelope.EventTypes.USER_BLOCKED;
import static com.ticketing.events.envelope.EventTypes.USER_UNBLOCKED;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.serde.DecodeFailure;
import com.ticketing.events.serde.EventCodec;
import com.ticketing.events.serde.EventDecodingException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks in force, folded from the records of {@code messaging.user-blocks}: the latest fact per
 * {@link BlockKey} wins, as compaction keeps it. One thread takes records; any thread may ask.
 */
public final class BlockSet {

    private static final Logger log = LoggerFactory.getLogger(BlockSet.class);

    /** {@link BlockKey}s of the blocks in force. */
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();

    /**
     * Folds one record in. A tombstone lifts the block its key names; a type other than the two block
     * facts is ignored; an unreadable record, or one whose key is not its data's pair, is logged and skipped.
     */
    public void take(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            if (record.key() != null) {
                blocked.remove(record.key());
            }
            return;
        }
        CloudEvent<?> event;
        try {
            event = EventCodec.decode(record.value());
        } catch (EventDecodingException e) {
            if (e.failure() == DecodeFailure.UNKNOWN_TYPE) {
                log.debug("Ignored a record of an unknown type at {}", where(record));
            } else {
                log.warn("Skipped an unreadable block record at {}: {}", where(record), e.getMessage());
            }
            return;
        }
        if (event.is(USER_BLOCKED)) {
            UserBlocked block = event.dataAs(USER_BLOCKED);
            fold(record, BlockKey.of(block.blockerId(), block.blockedId()), true);
        } else if (event.is(USER_UNBLOCKED)) {
            UserUnblocked unblock = event.dataAs(USER_UNBLOCKED);
            fold(record, BlockKey.of(unblock.blockerId(), unblock.blockedId()), false);
        }
    }

    private void fold(ConsumerRecord<String, byte[]> record, String pair, boolean inForce) {
        // A key other than the pair would let compaction keep a different fact than this fold does.
        if (record.key() != null && !record.key().equals(pair)) {
            log.warn("Skipped a block record at {}: key {} is not its pair {}", where(record), record.key(), pair);
            return;
        }
        if (inForce) {
            blocked.add(pair);
        } else {
            blocked.remove(pair);
        }
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Whether {@code blockerId} blocked {@code blockedId}. */
    public boolean blocks(String blockerId, String blockedId) {
        return blocked.contains(BlockKey.of(blockerId, blockedId));
    }

    /** Whether either user blocked the other. */
    public boolean isBlockedEitherWay(String a, String b) {
        return blocks(a, b) || blocks(b, a);
    }

    /** The block, if any, between a sender and the user he addresses; the receiver's comes first. */
    public Blocking between(String senderId, String receiverId) {
        if (blocks(receiverId, senderId)) {
            return Blocking.BY_RECEIVER;
        }
        return blocks(senderId, receiverId) ? Blocking.BY_SENDER : Blocking.NONE;
    }

    /** How many blocks are in force. */
    public int size() {
        return blocked.size();
    }
}
