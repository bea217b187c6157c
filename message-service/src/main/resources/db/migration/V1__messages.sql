-- Direct messages between two users. Ids are ASCII ([A-Za-z0-9_.:@-]), so the "C" collation
-- orders them by code point exactly as ConversationKey (Java String.compareTo) does.
CREATE TABLE messages (
    id                uuid         PRIMARY KEY,
    sender_id         varchar(64)  COLLATE "C" NOT NULL,
    receiver_id       varchar(64)  COLLATE "C" NOT NULL,
    content           text         NOT NULL,
    transaction_id    varchar(64)  COLLATE "C",
    listing_id        varchar(64)  COLLATE "C",
    is_read           boolean      NOT NULL DEFAULT false,
    read_at           timestamptz,
    client_message_id varchar(64)  COLLATE "C",
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    deleted_at        timestamptz,
    CONSTRAINT messages_not_to_self CHECK (sender_id <> receiver_id),
    CONSTRAINT messages_content_not_empty CHECK (length(content) > 0)
);

-- Idempotent sends: one message per sender and client-chosen id. Partial, so messages without a
-- client id cost nothing here (and sender lookups keep using idx_messages_sender).
CREATE UNIQUE INDEX messages_sender_client_message_id_key
    ON messages (sender_id, client_message_id) WHERE client_message_id IS NOT NULL;

-- The four indexes of the original design.
CREATE INDEX idx_messages_sender ON messages (sender_id, created_at DESC);
CREATE INDEX idx_messages_receiver ON messages (receiver_id, created_at DESC);
CREATE INDEX idx_messages_conversation
    ON messages (LEAST(sender_id, receiver_id), GREATEST(sender_id, receiver_id), created_at DESC, id DESC);
CREATE INDEX idx_messages_unread ON messages (receiver_id, sender_id) WHERE is_read = false;

-- "The caller's messages about a transaction / listing".
CREATE INDEX idx_messages_transaction ON messages (transaction_id, created_at DESC) WHERE transaction_id IS NOT NULL;
CREATE INDEX idx_messages_listing ON messages (listing_id, created_at DESC) WHERE listing_id IS NOT NULL;
