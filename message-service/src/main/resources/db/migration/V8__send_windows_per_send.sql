-- lock_and_judge_sends (V6) read one window per sender, from his batch's earliest send to its latest, and
-- only its first rows (the sum of the sends' limits): with sends far apart in one batch (a backlog, or
-- requestedAt up to a minute before its record) the rows ran out before the later sends' windows, which
-- then looked empty, and a send the limit refuses alone could be admitted in a batch. Now each send has its
-- own window with its own limit, as a send stored alone reads it. A stored send inside several windows comes
-- back once per window; its message id tells the copies apart from two sends at one instant.
DROP FUNCTION lock_and_judge_sends(text[], text[], bigint[], bigint[], integer[], text[], text[], text[], text[]);

-- The locks as in V6: every conversation's, then every sender's, each kind in one fixed order, so batches and
-- single changes never wait on each other in a cycle (two keys sharing a 64-bit hash aside; PostgreSQL's
-- deadlock detector then aborts one, and it is retried). The reads come after the locks, each in a snapshot
-- of its own.
--
-- Rows: ('stored', sender, client message id, NULL), ('block', blocker, blocked, NULL) and
-- ('sent', sender, message id, requested_at in epoch microseconds) for the first window_limit stored sends
-- strictly inside each window (window_senders, window_from, window_until, window_limit: one per send).
CREATE FUNCTION lock_and_judge_sends(conversation_keys text[], window_senders text[], window_from bigint[],
                                     window_until bigint[], window_limit integer[], client_senders text[],
                                     client_ids text[], pair_senders text[], pair_receivers text[])
    RETURNS TABLE (kind text, user_id text, other text, epoch_micros bigint)
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    lock_key text;
BEGIN
    FOR lock_key IN SELECT DISTINCT k COLLATE "C" FROM unnest(conversation_keys) AS k ORDER BY 1 LOOP
        PERFORM lock_conversation(lock_key);
    END LOOP;
    FOR lock_key IN SELECT DISTINCT s COLLATE "C" FROM unnest(window_senders) AS s ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('send-window:' || lock_key, 0));
    END LOOP;

    -- Each read probes an index once per pair or window (LATERAL ... LIMIT keeps the planner from turning
    -- them into a scan of the whole table, whatever it believes about the arrays' lengths).
    RETURN QUERY
        SELECT 'stored', c.sender, c.client_id, CAST(NULL AS bigint)
          FROM unnest(client_senders, client_ids) AS c (sender, client_id)
         CROSS JOIN LATERAL (SELECT 1 FROM messages m
                              WHERE m.sender_id = c.sender COLLATE "C" AND m.client_message_id = c.client_id COLLATE "C"
                                AND m.client_message_id IS NOT NULL -- the unique index's predicate
                              LIMIT 1) AS found;
    RETURN QUERY
        SELECT 'block', CAST(b.blocker_id AS text), CAST(b.blocked_id AS text), CAST(NULL AS bigint)
          FROM unnest(pair_senders, pair_receivers) AS p (sender, receiver)
         CROSS JOIN LATERAL (SELECT ub.blocker_id, ub.blocked_id FROM user_blocks ub
                              WHERE (ub.blocker_id = p.sender COLLATE "C" AND ub.blocked_id = p.receiver COLLATE "C")
                                 OR (ub.blocker_id = p.receiver COLLATE "C" AND ub.blocked_id = p.sender COLLATE "C")
                              LIMIT 2) AS b;
    RETURN QUERY
        SELECT 'sent', w.sender, CAST(t.id AS text), CAST(EXTRACT(EPOCH FROM t.requested_at) * 1000000 AS bigint)
          FROM unnest(window_senders, window_from, window_until, window_limit)
                   AS w (sender, after_micros, before_micros, most)
         CROSS JOIN LATERAL (SELECT m.id, m.requested_at FROM messages m
                              WHERE m.sender_id = w.sender COLLATE "C"
                                AND m.requested_at > timestamptz 'epoch' + w.after_micros * interval '1 microsecond'
                                AND m.requested_at < timestamptz 'epoch' + w.before_micros * interval '1 microsecond'
                              ORDER BY m.requested_at LIMIT w.most) AS t;
END
$$;
