-- The two advisory locks of a change, defined once, in the database. Every change of a conversation takes
-- the conversation's lock first (ConversationStore), so its history, summaries and outbox rows share one
-- order. A send also takes its sender's lock, after the conversation's, so two of his sends never judge
-- the send window on the same stale set. One function takes both in that order: a single round trip, and an
-- order no planner can change (two lock calls in one SELECT would leave it to the plan).
-- The keys are those the statements used before this migration, so instances of either version exclude
-- each other during a rolling deploy.
CREATE FUNCTION lock_conversation(conversation_key text) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtextextended('conversation:' || conversation_key, 0));
END
$$;

CREATE FUNCTION lock_conversation_and_sender(conversation_key text, sender_id text) RETURNS void
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM lock_conversation(conversation_key);
    PERFORM pg_advisory_xact_lock(hashtextextended('send-window:' || sender_id, 0));
END
$$;
