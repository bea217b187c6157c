-- Loads 1,000,000 messages for the conversations benchmark (psql -v ON_ERROR_STOP=1 -f seed-messages.sql).
-- 10,000 users named bench-user-0 .. bench-user-9999; user s sends to s + 37k (k = 1..20), so every
-- user has 40 conversations, ~100 sent and ~100 received messages, about 30 % of them unread,
-- spread over the last ~11.5 days. Rows of earlier runs (sender bench-user-*) are replaced.
\timing on
DELETE FROM messages WHERE sender_id LIKE 'bench-user-%';

INSERT INTO messages (id, sender_id, receiver_id, content, is_read, read_at, created_at, updated_at)
SELECT gen_random_uuid(),
       'bench-user-' || s,
       'bench-user-' || ((s + 37 * k) % 10000),
       'Benchmark message ' || i || ': are the tickets for row ' || (i % 40) || ' still available?',
       i % 10 >= 3,
       CASE WHEN i % 10 >= 3 THEN now() - make_interval(secs => i) + interval '1 minute' END,
       now() - make_interval(secs => i),
       now() - make_interval(secs => i)
  FROM (SELECT i, i % 10000 AS s, (i / 10000) % 20 + 1 AS k FROM generate_series(1, 1000000) AS i) AS g;

ANALYZE messages;
SELECT count(*) AS bench_messages FROM messages WHERE sender_id LIKE 'bench-user-%';
