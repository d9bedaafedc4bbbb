-- Up Migration
CREATE TABLE orders (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL REFERENCES users (id),
  status      text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  currency    char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  total_cents bigint      NOT NULL CHECK (total_cents >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
-- Keyset listing, newest first: per user, and across users (admin), each with a status filter.
CREATE INDEX orders_by_user_idx ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX orders_by_time_idx ON orders (created_at DESC, id DESC);
CREATE INDEX orders_by_status_idx ON orders (status, created_at DESC, id DESC);

-- Lines keep the name and price at the time of ordering; products are archived, never deleted.
CREATE TABLE order_items (
  order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  product_id       uuid    NOT NULL REFERENCES products (id),
  name             text    NOT NULL,
  quantity         integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
  unit_price_cents bigint  NOT NULL CHECK (unit_price_cents >= 0),
  line_total_cents bigint  GENERATED ALWAYS AS (quantity * unit_price_cents) STORED,
  PRIMARY KEY (order_id, product_id)
);
CREATE INDEX order_items_product_idx ON order_items (product_id);

-- Transactional outbox: written in the same transaction as the state change it announces.
CREATE TABLE outbox (
  id             uuid        PRIMARY KEY,
  aggregate_type text        NOT NULL,
  aggregate_id   uuid        NOT NULL,
  event_type     text        NOT NULL,
  payload        jsonb       NOT NULL,
  -- W3C trace context of the request that wrote the event, so the worker continues its trace.
  traceparent    text,
  tracestate     text,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_at   timestamptz
);
-- "Oldest unpublished first" for FOR UPDATE SKIP LOCKED polling; stays small as rows are published.
CREATE INDEX outbox_unpublished_idx ON outbox (created_at, id) WHERE published_at IS NULL;
CREATE INDEX outbox_published_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Idempotency-Key records for POST /orders, per user, kept 24 h; written in the order's transaction.
-- Only successes (201) are stored: a request that failed may be retried with the same key.
CREATE TABLE idempotency_keys (
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key           text        NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
  -- SHA-256 of the canonical request body: the same key with another body is refused.
  request_hash  bytea       NOT NULL CHECK (octet_length(request_hash) = 32),
  -- The first answer's body ({order} as it was then), replayed verbatim.
  response_body jsonb       NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL DEFAULT now() + interval '24 hours',
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
