-- Up Migration

-- Events a consumer has already applied: redelivered jobs find their row and change nothing.
CREATE TABLE processed_events (
  consumer     text        NOT NULL CHECK (char_length(consumer) BETWEEN 1 AND 100),
  event_id     uuid        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_events_age_idx ON processed_events (processed_at);

-- Wakes the outbox relay (LISTEN outbox_inserted). Delivered on commit, once per statement,
-- and collapsed within a transaction, so a burst of orders costs few notifications.
CREATE FUNCTION notify_outbox_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox_inserted', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_inserted_notify
  AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_inserted();
