-- The statement that stores a new message (SendStore), as a function: the same one statement, but the service
-- sends a call of a few dozen characters instead of three kilobytes of SQL, which its driver and Spring's
-- named parameters tokenised again on every send (about a seventh of the service's CPU under load). The
-- statement's plan is cached by PL/pgSQL as the prepared statement's was.
--
-- The message goes in at new_now, or a microsecond after the conversation's newest message if the clock says
-- otherwise (a step back, or a tie): order over accuracy. Its message.sent (the outbox_* arguments) was encoded
-- for new_now, so the outbox row is written only when the message got that time. Nothing is written and no row
-- comes back when the sender already stored a message under the client message id. The row holds the stored
-- message, the receiver's summary after counting it, the sender's other send times strictly between
-- window_after and window_before (at most window_limit, ascending) and which of the two users blocks the other.
CREATE FUNCTION store_message(new_id uuid, new_sender text, new_receiver text, new_content text,
                              new_transaction text, new_listing text, new_client_message_id text,
                              new_now timestamptz, new_requested_at timestamptz,
                              conversation_low text, conversation_high text, low_unread integer, high_unread integer,
                              outbox_event_id text, outbox_topic text, outbox_key text, outbox_type text,
                              outbox_payload text,
                              window_after timestamptz, window_before timestamptz, window_limit integer)
    RETURNS TABLE (id uuid, sender_id varchar, receiver_id varchar, content text, transaction_id varchar,
                   listing_id varchar, is_read boolean, read_at timestamptz, client_message_id varchar,
                   created_at timestamptz, updated_at timestamptz, deleted_at timestamptz, unread_count integer,
                   notified_at timestamptz, send_times bigint[], blockers varchar[])
    LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH stored AS (
        INSERT INTO messages (id, sender_id, receiver_id, content, transaction_id, listing_id,
                              client_message_id, created_at, updated_at, requested_at)
        SELECT new_id, new_sender, new_receiver, new_content, new_transaction, new_listing, new_client_message_id,
               at.t, at.t, new_requested_at
          FROM (SELECT GREATEST(new_now, (SELECT m.created_at + interval '1 microsecond' FROM messages m
                                           WHERE LEAST(m.sender_id, m.receiver_id) = conversation_low
                                             AND GREATEST(m.sender_id, m.receiver_id) = conversation_high
                                           ORDER BY m.created_at DESC, m.id DESC LIMIT 1)) AS t) at
        ON CONFLICT (sender_id, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING
        RETURNING messages.id, messages.sender_id, messages.receiver_id, messages.content, messages.transaction_id,
                  messages.listing_id, messages.is_read, messages.read_at, messages.client_message_id,
                  messages.created_at, messages.updated_at, messages.deleted_at
    ), counted AS (
        INSERT INTO conversation_summaries AS c (user_id, other_id, last_message_id, last_message_at, unread_count)
        SELECT side.user_id, side.other_id, stored.id, stored.created_at, side.unread
          FROM stored, (VALUES (conversation_low, conversation_high, low_unread),
                               (conversation_high, conversation_low, high_unread)) AS side (user_id, other_id, unread)
        ON CONFLICT (user_id, other_id) DO UPDATE SET
            unread_count = c.unread_count + EXCLUDED.unread_count,
            last_message_id = CASE WHEN c.last_message_id IS NULL
                    OR (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (c.last_message_at, c.last_message_id)
                THEN EXCLUDED.last_message_id ELSE c.last_message_id END,
            last_message_at = CASE WHEN c.last_message_id IS NULL
                    OR (EXCLUDED.last_message_at, EXCLUDED.last_message_id) > (c.last_message_at, c.last_message_id)
                THEN EXCLUDED.last_message_at ELSE c.last_message_at END
        RETURNING c.user_id, c.unread_count, c.notified_at
    ), queued AS (
        INSERT INTO message_outbox (event_id, topic, record_key, event_type, payload)
        SELECT outbox_event_id, outbox_topic, outbox_key, outbox_type, outbox_payload
          FROM stored WHERE stored.created_at = new_now
        ON CONFLICT (event_id) DO NOTHING
    )
    SELECT stored.id, stored.sender_id, stored.receiver_id, stored.content, stored.transaction_id, stored.listing_id,
           stored.is_read, stored.read_at, stored.client_message_id, stored.created_at, stored.updated_at,
           stored.deleted_at, counted.unread_count, counted.notified_at,
           ARRAY(SELECT CAST(EXTRACT(EPOCH FROM sent.requested_at) * 1000000 AS bigint) FROM messages sent
                  WHERE sent.sender_id = new_sender AND sent.requested_at > window_after
                    AND sent.requested_at < window_before AND sent.id <> new_id
                  ORDER BY sent.requested_at LIMIT window_limit),
           ARRAY(SELECT b.blocker_id FROM user_blocks b
                  WHERE (b.blocker_id = new_receiver AND b.blocked_id = new_sender)
                     OR (b.blocker_id = new_sender AND b.blocked_id = new_receiver))
      FROM stored JOIN counted ON counted.user_id = new_receiver;
END
$$;
