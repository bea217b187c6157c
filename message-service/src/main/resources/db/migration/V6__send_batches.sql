-- A batch of send commands in one transaction: the locks of every conversation and every sender it touches,
-- then what decides each send (client message ids already stored, blocks between the pairs, the senders'
-- send windows), in one round trip.
--
-- The locks are those of lock_conversation_and_sender, taken all conversations first, then all senders, each
-- kind in one fixed order. A transaction that holds a conversation's lock and waits for a sender's never
-- waits on a batch that holds that sender, because a batch takes no sender before all its conversations:
-- batches and single changes cannot deadlock (two keys sharing a hash aside, which PostgreSQL's deadlock
-- detector breaks; the caller then retries).
--
-- The reads come after the locks, each in a snapshot of its own (a VOLATILE function's statements take one
-- each): they see every change of these conversations and every send of these senders committed before.
--
-- Rows: ('stored', sender, client message id, NULL), ('block', blocker, blocked, NULL) and
-- ('sent', sender, NULL, requested_at in epoch microseconds) for the sender's first stored sends strictly
-- inside his window, as many as his limit.
CREATE FUNCTION lock_and_judge_sends(conversation_keys text[], sender_ids text[], window_from bigint[],
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
    FOR lock_key IN SELECT DISTINCT s COLLATE "C" FROM unnest(sender_ids) AS s ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(hashtextextended('send-window:' || lock_key, 0));
    END LOOP;

    -- Each read probes an index once per pair or sender (LATERAL ... LIMIT keeps the planner from turning
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
        SELECT 'sent', w.sender, CAST(NULL AS text), CAST(EXTRACT(EPOCH FROM t.requested_at) * 1000000 AS bigint)
          FROM unnest(sender_ids, window_from, window_until, window_limit) AS w (sender, after_micros, before_micros,
                                                                              most)
         CROSS JOIN LATERAL (SELECT m.requested_at FROM messages m
                              WHERE m.sender_id = w.sender COLLATE "C"
                                AND m.requested_at > timestamptz 'epoch' + w.after_micros * interval '1 microsecond'
                                AND m.requested_at < timestamptz 'epoch' + w.before_micros * interval '1 microsecond'
                              ORDER BY m.requested_at LIMIT w.most) AS t;
END
$$;
