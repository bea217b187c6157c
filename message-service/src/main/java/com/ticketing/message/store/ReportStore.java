package com.ticketing.message.store;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** SQL over {@code message_reports}: one report per message, with its content as it was then. */
@Repository
public class ReportStore {

    private final DatabaseClient db;

    public ReportStore(DatabaseClient db) {
        this.db = db;
    }

    /** Records the report; false when the message was reported before (nothing changed). */
    public Mono<Boolean> insertUnlessReported(UUID messageId, String reporterId, String reason, String content,
                                             Instant at) {
        return db.sql("""
                        INSERT INTO message_reports (message_id, reporter_id, reason, content, reported_at)
                        VALUES (:message, :reporter, :reason, :content, :at)
                        ON CONFLICT (message_id) DO NOTHING
                        """)
                .bind("message", messageId).bind("reporter", reporterId).bind("reason", reason)
                .bind("content", content).bind("at", at)
                .fetch().rowsUpdated().map(count -> count > 0);
    }
}
