package com.ticketing.message.store;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * Full-text search over one user's messages (sent or received). Each side is answered by its own
 * GIN index led by the user id ({@code idx_messages_sender_search}, {@code idx_messages_receiver_search}),
 * newest first, keyset-paged by (created_at, id). The text search configuration ({@code simple}) is
 * named in every expression: it must be the one the stored vector was built with (V3 migration).
 */
@Repository
public class MessageSearch {

    private static final String SIDE = """
            (SELECT %2$s FROM messages m
              WHERE m.%1$s = :user AND m.search_vector @@ plainto_tsquery('simple', :q) AND m.deleted_at IS NULL
                AND (m.created_at, m.id) < (:beforeAt, :beforeId)
              ORDER BY m.created_at DESC, m.id DESC LIMIT :limit)
            """;

    /**
     * Both sides merged, then the snippet of the page's rows only. {@code plainto_tsquery} ANDs the
     * words and ignores punctuation. The snippet is plain text (no markup to escape).
     */
    static final String SEARCH_SQL = """
            SELECT %3$s, ts_headline('simple', hit.content, plainto_tsquery('simple', :q),
                       'MaxFragments=1, MaxWords=16, MinWords=6, StartSel="", StopSel=""') AS snippet
              FROM (%s UNION ALL %s) hit
             ORDER BY hit.created_at DESC, hit.id DESC
             LIMIT :limit
            """.formatted(SIDE.formatted("sender_id", StoredMessage.columnsOf("m")),
                    SIDE.formatted("receiver_id", StoredMessage.columnsOf("m")), StoredMessage.columnsOf("hit"));

    /** Sorts after every real (created_at, id): the first page. */
    private static final Instant NO_ANCHOR_AT = Instant.parse("9999-12-31T00:00:00Z");
    private static final UUID NO_ANCHOR_ID = new UUID(-1L, -1L);

    private final DatabaseClient db;

    public MessageSearch(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The user's messages matching every word of {@code words}, newest first, each with a snippet; only
     * those older than {@code before} when it is given.
     */
    public Flux<SearchHit> search(String userId, String words, StoredMessage before, int limit) {
        return db.sql(SEARCH_SQL)
                .bind("user", userId)
                .bind("q", words)
                .bind("beforeAt", before == null ? NO_ANCHOR_AT : before.createdAt())
                .bind("beforeId", before == null ? NO_ANCHOR_ID : before.id())
                .bind("limit", limit)
                .map((row, meta) -> new SearchHit(StoredMessage.from(row), row.get("snippet", String.class)))
                .all();
    }

    /** One match: the message and the part of its content around the match. */
    public record SearchHit(StoredMessage message, String snippet) {
    }
}
