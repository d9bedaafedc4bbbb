-- Up Migration

-- What admins did on the queue board: who, what, when. Kept when the admin account goes.
CREATE TABLE admin_audit_log (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  admin_id    uuid        NOT NULL,
  action      text        NOT NULL CHECK (char_length(action) BETWEEN 1 AND 100),
  target      jsonb       NOT NULL DEFAULT '{}',
  status_code int         NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_log_at_idx ON admin_audit_log (at DESC, id DESC);

-- Receivers of order events. `bootstrap` marks the one defined by WEBHOOK_URL/WEBHOOK_SECRET.
CREATE TABLE webhook_endpoints (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  url         text        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
  secret      text        NOT NULL CHECK (secret LIKE 'whsec\_%'),
  event_types text[]      NOT NULL CHECK (cardinality(event_types) > 0),
  description text        CHECK (char_length(description) <= 500),
  enabled     boolean     NOT NULL DEFAULT true,
  bootstrap   boolean     NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX webhook_endpoints_one_bootstrap ON webhook_endpoints (bootstrap) WHERE bootstrap;
CREATE INDEX webhook_endpoints_listing_idx ON webhook_endpoints (created_at DESC, id DESC);

-- One row per (event, endpoint): the delivery log, and what the reconciler re-sends while
-- pending. Goes with its event when retention deletes it (only once nothing is pending).
CREATE TABLE webhook_deliveries (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
  event_id         uuid        NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
  event_type       text        NOT NULL,
  status           text        NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts         int         NOT NULL DEFAULT 0,
  last_status_code int,
  last_error       text,
  next_attempt_at  timestamptz,
  -- When its job was last sent to the queue (relay, reconciler or a retry).
  sent_at          timestamptz NOT NULL DEFAULT now(),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_log_idx
  ON webhook_deliveries (endpoint_id, created_at DESC, id DESC);
CREATE INDEX webhook_deliveries_pending_idx
  ON webhook_deliveries (sent_at) WHERE status = 'pending';
