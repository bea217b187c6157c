-- Loads 1,000,000 messages for the conversations benchmark (psql -v ON_ERROR_STOP=1 -f seed-messages.sql).
-- 10,000 users named bench-user-0 .. bench-user-9999; user s sends to s + 37k (k = 1..20), so every
-- user has 40 conversations, ~100 sent and ~100 received messages, about 30 % of them unread,
-- spread over the last ~11.5 days. Four heavy users bench-heavy-0..3 each write to 10,000 different
-- users (10,000 conversations and 10,000 messages each). Contents draw on a vocabulary of 2,000 words,
-- so searches meet common and rare words. Rows of earlier runs (sender bench-*) are replaced, and the
-- conversation summaries (kept by the service in normal operation) are rebuilt from the rows.
\timing on
DELETE FROM message_reports;
DELETE FROM conversation_summaries WHERE user_id LIKE 'bench-%';
DELETE FROM messages WHERE sender_id LIKE 'bench-%';

INSERT INTO messages (id, sender_id, receiver_id, content, is_read, read_at, created_at, updated_at)
SELECT gen_random_uuid(),
       'bench-user-' || s,
       'bench-user-' || ((s + 37 * k) % 10000),
       'Benchmark message ' || i || ': are the tickets for row ' || (i % 40) || ' still available? w'
           || (i::bigint * 7919 % 2000) || ' w' || (i::bigint * 104729 % 2000) || ' w' || (i % 2000),
       i % 10 >= 3,
       CASE WHEN i % 10 >= 3 THEN now() - make_interval(secs => i) + interval '1 minute' END,
       now() - make_interval(secs => i),
       now() - make_interval(secs => i)
  FROM (SELECT i, i % 10000 AS s, (i / 10000) % 20 + 1 AS k FROM generate_series(1, 1000000) AS i) AS g;

INSERT INTO messages (id, sender_id, receiver_id, content, is_read, created_at, updated_at)
SELECT gen_random_uuid(), 'bench-heavy-' || h, 'bench-user-' || u,
       'Heavy message ' || u || ' about section ' || (u % 50) || ' w' || (u * 7919 % 2000) || ' w' || (u % 2000),
       u % 3 = 0, now() - make_interval(secs => u * 7 + h), now() - make_interval(secs => u * 7 + h)
  FROM generate_series(0, 3) AS h, generate_series(0, 9999) AS u;

INSERT INTO conversation_summaries (user_id, other_id, last_message_id, last_message_at, unread_count)
SELECT side.user_id, side.other_id, latest.id, latest.created_at, COALESCE(unread.n, 0)
  FROM (SELECT DISTINCT sender_id AS user_id, receiver_id AS other_id FROM messages WHERE sender_id LIKE 'bench-%'
        UNION
        SELECT DISTINCT receiver_id, sender_id FROM messages WHERE sender_id LIKE 'bench-%') side
  LEFT JOIN LATERAL (
        SELECT m.id, m.created_at FROM messages m
         WHERE LEAST(m.sender_id, m.receiver_id) = LEAST(side.user_id, side.other_id)
           AND GREATEST(m.sender_id, m.receiver_id) = GREATEST(side.user_id, side.other_id)
           AND m.deleted_at IS NULL
         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) latest ON true
  LEFT JOIN (
        SELECT receiver_id, sender_id, count(*) AS n FROM messages
         WHERE is_read = false AND deleted_at IS NULL GROUP BY receiver_id, sender_id) unread
    ON unread.receiver_id = side.user_id AND unread.sender_id = side.other_id
ON CONFLICT (user_id, other_id) DO NOTHING;

VACUUM ANALYZE messages;
VACUUM ANALYZE conversation_summaries;
SELECT count(*) AS bench_messages FROM messages WHERE sender_id LIKE 'bench-user-%';
