-- Transactional outbox: every message change writes its event here in the same transaction;
-- the relay publishes rows in id order and deletes them once Kafka acknowledged them.
CREATE TABLE message_outbox (
    id          bigserial    PRIMARY KEY,
    event_id    varchar(64)  NOT NULL,
    topic       varchar(255) NOT NULL,
    record_key  varchar(200) NOT NULL,
    event_type  varchar(100) NOT NULL,
    payload     text         NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    -- A re-emitted event (deterministic id) waiting to be published is not queued twice.
    CONSTRAINT message_outbox_event_id_key UNIQUE (event_id)
);
