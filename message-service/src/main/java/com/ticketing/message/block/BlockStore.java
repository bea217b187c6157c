package com.ticketing.message.block;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SQL over {@code user_blocks}; runs in the caller's transaction when there is one. The send path reads
 * blocks together with the send window ({@link com.ticketing.message.store.SendStore#store}).
 */
@Repository
public class BlockStore {

    private final DatabaseClient db;

    public BlockStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records the block; empty when it already existed (nothing changed). */
    public Mono<Instant> insert(String blockerId, String blockedId, Instant at) {
        return db.sql("""
                        INSERT INTO user_blocks (blocker_id, blocked_id, blocked_at) VALUES (:blocker, :blocked, :at)
                        ON CONFLICT DO NOTHING RETURNING blocked_at
                        """)
                .bind("blocker", blockerId).bind("blocked", blockedId).bind("at", at)
                .map((row, meta) -> row.get("blocked_at", OffsetDateTime.class).toInstant())
                .one();
    }

    /** Lifts the block; false when there was none. */
    public Mono<Boolean> delete(String blockerId, String blockedId) {
        return db.sql("DELETE FROM user_blocks WHERE blocker_id = :blocker AND blocked_id = :blocked")
                .bind("blocker", blockerId).bind("blocked", blockedId)
                .fetch().rowsUpdated().map(count -> count > 0);
    }

    /** Who {@code blockerId} blocks, newest block first. */
    public Flux<Block> blockedBy(String blockerId) {
        return db.sql("SELECT blocked_id, blocked_at FROM user_blocks WHERE blocker_id = :blocker"
                        + " ORDER BY blocked_at DESC, blocked_id")
                .bind("blocker", blockerId)
                .map((row, meta) -> new Block(row.get("blocked_id", String.class),
                        row.get("blocked_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    /** One user blocked by the caller. */
    public record Block(String userId, Instant blockedAt) {
    }
}
