-- Each user's view of each of his conversations, kept in the transaction of every message change
-- (MessageService), so the inbox and the unread count read one row per conversation instead of
-- every message the user ever sent or received. Two rows per conversation, one per side.
CREATE TABLE conversation_summaries (
    user_id          varchar(64)  COLLATE "C" NOT NULL,
    other_id         varchar(64)  COLLATE "C" NOT NULL,
    -- The newest message not deleted; null when every message of the conversation is deleted.
    last_message_id  uuid,
    last_message_at  timestamptz,
    -- Messages from other_id to user_id not read and not deleted.
    unread_count     integer      NOT NULL DEFAULT 0,
    -- When user_id was last sent a push request about this conversation (notifications.push-requests).
    notified_at      timestamptz,
    PRIMARY KEY (user_id, other_id),
    CONSTRAINT conversation_summaries_unread_not_negative CHECK (unread_count >= 0),
    CONSTRAINT conversation_summaries_last_complete CHECK ((last_message_id IS NULL) = (last_message_at IS NULL))
);

-- The inbox: a user's conversations, newest last message first.
CREATE INDEX idx_conversation_summaries_latest
    ON conversation_summaries (user_id, last_message_at DESC, last_message_id DESC)
    WHERE last_message_id IS NOT NULL;
-- The unread count: only conversations with something unread.
CREATE INDEX idx_conversation_summaries_unread
    ON conversation_summaries (user_id) INCLUDE (unread_count)
    WHERE unread_count > 0;

INSERT INTO conversation_summaries (user_id, other_id, last_message_id, last_message_at, unread_count)
SELECT side.user_id, side.other_id, latest.id, latest.created_at, COALESCE(unread.n, 0)
  FROM (SELECT DISTINCT sender_id AS user_id, receiver_id AS other_id FROM messages
        UNION
        SELECT DISTINCT receiver_id, sender_id FROM messages) side
  LEFT JOIN LATERAL (
        SELECT m.id, m.created_at FROM messages m
         WHERE LEAST(m.sender_id, m.receiver_id) = LEAST(side.user_id, side.other_id)
           AND GREATEST(m.sender_id, m.receiver_id) = GREATEST(side.user_id, side.other_id)
           AND m.deleted_at IS NULL
         ORDER BY m.created_at DESC, m.id DESC LIMIT 1) latest ON true
  LEFT JOIN (
        SELECT receiver_id, sender_id, count(*) AS n FROM messages
         WHERE is_read = false AND deleted_at IS NULL GROUP BY receiver_id, sender_id) unread
    ON unread.receiver_id = side.user_id AND unread.sender_id = side.other_id;

-- Who blocked whom. A block stops messages and typing both ways (MessageService, the gateways through
-- messaging.user-blocks).
CREATE TABLE user_blocks (
    blocker_id  varchar(64)  COLLATE "C" NOT NULL,
    blocked_id  varchar(64)  COLLATE "C" NOT NULL,
    blocked_at  timestamptz  NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id),
    CONSTRAINT user_blocks_not_self CHECK (blocker_id <> blocked_id)
);

-- Reports for moderation: one per message (only its receiver may report it), with the content as it
-- was when reported.
CREATE TABLE message_reports (
    message_id   uuid         PRIMARY KEY REFERENCES messages (id),
    reporter_id  varchar(64)  COLLATE "C" NOT NULL,
    reason       text         NOT NULL,
    content      text         NOT NULL,
    reported_at  timestamptz  NOT NULL
);

-- Search. The text search configuration is named everywhere ('simple': no stemming, no stop words, the
-- same for every language users write in): an index built with one configuration serves only queries
-- that name the same one. The vector is stored, so matching and ranking never re-parse content.
ALTER TABLE messages
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, content)) STORED;

-- One GIN index per side, each led by the user id (btree_gin), so a search reads the posting lists of
-- the caller's own messages and the query's words, never every message that contains a common word.
CREATE EXTENSION IF NOT EXISTS btree_gin;
CREATE INDEX idx_messages_sender_search ON messages USING gin (sender_id, search_vector);
CREATE INDEX idx_messages_receiver_search ON messages USING gin (receiver_id, search_vector);
