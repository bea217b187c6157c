package com.ticketing.message.block;

import com.ticketing.events.envelope.CloudEvent;
import com.ticketing.events.envelope.EventTypes;
import com.ticketing.events.payload.block.BlockKey;
import com.ticketing.events.payload.block.UserBlocked;
import com.ticketing.events.payload.block.UserUnblocked;
import com.ticketing.events.topic.Topics;
import com.ticketing.message.messaging.MessageEvents;
import com.ticketing.message.messaging.Changes;
import com.ticketing.message.messaging.MessageRules;
import com.ticketing.message.outbox.Outbox;
import com.ticketing.message.store.ConversationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Blocking: a block is a row of {@code user_blocks} (the truth message-service refuses sends by) and,
 * in the same transaction, a {@code user.blocked} / {@code user.unblocked} fact on the compacted
 * {@code messaging.user-blocks}, from which every gateway refuses typing. Blocking or unblocking twice
 * changes nothing and emits nothing. A block changes what may be said in a conversation, so it takes the
 * conversation's lock as every change of it does: a send stored after the block committed is judged with it,
 * whether it is stored alone or in a batch of commands that started before.
 */
@Service
public class BlockService {

    private final BlockStore blocks;
    private final ConversationStore conversations;
    private final Outbox outbox;
    private final Changes changes;
    private final Clock clock = Clock.systemUTC();

    public BlockService(BlockStore blocks, ConversationStore conversations, Outbox outbox, Changes changes) {
        this.blocks = blocks;
        this.conversations = conversations;
        this.outbox = outbox;
        this.changes = changes;
    }

    public Mono<Void> block(String blockerId, String blockedId) {
        String blocked = MessageRules.otherParty(blockerId, blockedId);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return changes.committed(conversations.lock(blockerId, blocked).then(blocks.insert(blockerId, blocked, at))
                .flatMap(since -> outbox.append(Topics.USER_BLOCKS, BlockKey.of(blockerId, blocked),
                        CloudEvent.of(EventTypes.USER_BLOCKED, MessageEvents.SOURCE, BlockKey.of(blockerId, blocked), at,
                                new UserBlocked(blockerId, blocked, at)))));
    }

    public Mono<Void> unblock(String blockerId, String blockedId) {
        String blocked = MessageRules.otherParty(blockerId, blockedId);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return changes.committed(conversations.lock(blockerId, blocked).then(blocks.delete(blockerId, blocked))
                .flatMap(existed -> existed
                        ? outbox.append(Topics.USER_BLOCKS, BlockKey.of(blockerId, blocked),
                        CloudEvent.of(EventTypes.USER_UNBLOCKED, MessageEvents.SOURCE, BlockKey.of(blockerId, blocked), at,
                                new UserUnblocked(blockerId, blocked, at)))
                        : Mono.empty()));
    }

    /** The users {@code blockerId} blocks, newest first. */
    public Flux<BlockStore.Block> blockedBy(String blockerId) {
        return Changes.guarded(blocks.blockedBy(blockerId));
    }
}
