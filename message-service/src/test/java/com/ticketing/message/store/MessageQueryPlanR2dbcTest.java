package com.ticketing.message.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.ticketing.message.support.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plans PostgreSQL picks for the store's own SQL (the constants of {@link MessageStore},
 * {@link ConversationStore} and {@link MessageSearch}) on 200,000 analysed rows across 2,000 users:
 * every access goes through an index, never a sequential scan.
 */
class MessageQueryPlanR2dbcTest {

    private static String url;

    @BeforeAll
    static void loadRows() throws SQLException {
        url = TestPostgres.migratedJdbcUrl("plan_it");
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE messages CASCADE");
            statement.execute("""
                    INSERT INTO messages (id, sender_id, receiver_id, content, is_read, created_at, updated_at)
                    SELECT gen_random_uuid(), 'user' || (i % 2000), 'user' || ((i * 7 + 1 + i / 2000) % 2000),
                           'message ' || i, i % 3 = 0,
                           now() - make_interval(secs => i), now() - make_interval(secs => i)
                      FROM generate_series(1, 200000) AS i
                     WHERE (i % 2000) <> ((i * 7 + 1 + i / 2000) % 2000)
                    """);
            statement.execute("TRUNCATE conversation_summaries");
            statement.execute("""
                    INSERT INTO conversation_summaries (user_id, other_id, last_message_id, last_message_at, unread_count)
                    SELECT DISTINCT ON (sender_id, receiver_id) sender_id, receiver_id, id, created_at, 1
                      FROM messages ORDER BY sender_id, receiver_id, created_at DESC
                    """);
            statement.execute("ANALYZE messages");
            statement.execute("ANALYZE conversation_summaries");
        }
    }

    @Test
    void conversationListReadsTheUsersSummariesInOrderAndEachLastMessageByItsKey() throws SQLException {
        String plan = explain(ConversationStore.CONVERSATIONS_SQL);
        assertThat(plan).contains("idx_conversation_summaries_latest", "messages_pkey")
                .doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void unreadCountReadsOnlyConversationsWithSomethingUnread() throws SQLException {
        assertThat(explain(ConversationStore.UNREAD_COUNT_SQL)).contains("idx_conversation_summaries_unread")
                .doesNotContain("Seq Scan");
    }

    @Test
    void olderPageUsesTheConversationIndexInItsOrder() throws SQLException {
        String plan = explain(MessageStore.CONVERSATION_BEFORE_SQL.replace(":beforeAt", "now()")
                .replace(":beforeId", "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid"));
        assertThat(plan).contains("idx_messages_conversation").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void searchReadsOnlyTheCallersMessagesThroughTheirIndexes() throws SQLException {
        String plan = explain(MessageSearch.SEARCH_SQL.replace(":q", "'message 4'")
                .replace(":beforeAt", "'infinity'::timestamptz").replace(":beforeId", "'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid"));
        // A user of 100 messages is read through his btree indexes; the GIN ones (user id, words) take
        // over for users with many messages (`./ticketing bench inbox` prints the search figures at 1,000,000).
        assertThat(plan).containsPattern("Index Scan on idx_messages_sender").containsPattern("Index Scan on idx_messages_receiver")
                .doesNotContain("Seq Scan on messages");
    }

    @Test
    void conversationPageUsesTheConversationIndexInItsOrder() throws SQLException {
        String plan = explain(MessageStore.CONVERSATION_SQL);
        assertThat(plan).contains("idx_messages_conversation").doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    @Test
    void conversationsOfAUserAreFoundAndCountedRight() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(bind(ConversationStore.CONVERSATIONS_SQL))) {
            List<Long> unread = new ArrayList<>();
            while (rows.next()) {
                unread.add(rows.getLong("unread_count"));
            }
            assertThat(unread).isNotEmpty();
        }
    }

    private static String explain(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN " + bind(sql))) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** The store's named parameters, filled with a typical user's values. */
    private static String bind(String sql) {
        return sql.replace(":user", "'user42'").replace(":low", "'user42'").replace(":high", "'user43'")
                .replace(":limit", "50").replace(":offset", "0");
    }
}
