-- When the sender sent each message: the socket command's requestedAt (bounded by the record's time)
-- or the REST request's arrival. The send limit judges a message by it, not by when it was stored, so a
-- compliant user's backlog stored late (after a PostgreSQL outage, a restart) is not refused, and the
-- window is this table itself: the same on every instance and after every restart.
ALTER TABLE messages ADD COLUMN requested_at timestamptz NOT NULL DEFAULT now();
UPDATE messages SET requested_at = created_at;

CREATE INDEX idx_messages_sender_requested ON messages (sender_id, requested_at);
