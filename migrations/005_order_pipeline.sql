-- Up Migration

-- The order pipeline at one statement per step: the order workflow's states and history, an
-- inbox the relay fills and consumers empty, and the create and transition steps as functions,
-- so the API and the worker each make one round trip per step.

-- Timestamps as the API shows them (ISO-8601 UTC, milliseconds), also inside event payloads.
CREATE FUNCTION iso_utc(ts timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;

-- Orders: the workflow's statuses, a shipment once shipped.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('pending', 'confirmed', 'shipped', 'delivered', 'cancelled', 'expired'));
ALTER TABLE orders
  ADD COLUMN carrier         text CHECK (char_length(carrier) BETWEEN 1 AND 100),
  ADD COLUMN tracking_number text CHECK (char_length(tracking_number) BETWEEN 1 AND 100),
  ADD CONSTRAINT orders_shipment_complete CHECK ((carrier IS NULL) = (tracking_number IS NULL));
-- Every order changes status; an index on it would make each change a non-HOT update (a new
-- entry in every index). Status filters read the by-time or by-user index instead.
DROP INDEX orders_by_status_idx;
-- Room on each page for the new row versions of stock and status updates, so they stay HOT.
ALTER TABLE orders SET (fillfactor = 80);
ALTER TABLE products SET (fillfactor = 80);

-- The allowed transitions; src/domain/orders/transitions.ts holds the same table (a test
-- compares them), and this trigger refuses any other change whatever code path attempts it.
CREATE TABLE order_transitions (
  from_status text NOT NULL,
  to_status   text NOT NULL,
  PRIMARY KEY (from_status, to_status)
);
INSERT INTO order_transitions (from_status, to_status) VALUES
  ('pending', 'confirmed'), ('pending', 'cancelled'), ('pending', 'expired'),
  ('confirmed', 'shipped'), ('confirmed', 'cancelled'), ('shipped', 'delivered');

CREATE FUNCTION refuse_disallowed_order_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT FROM order_transitions WHERE from_status = OLD.status AND to_status = NEW.status
  ) THEN
    RAISE EXCEPTION 'order % cannot move from % to %', OLD.id, OLD.status, NEW.status
      USING ERRCODE = 'check_violation', CONSTRAINT = 'orders_status_transition';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER orders_status_transition
  BEFORE UPDATE OF status ON orders
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION refuse_disallowed_order_transition();

-- One entry per status an order reached. The machine has no cycles, so the key also makes a
-- second entry for the same transition impossible.
CREATE TABLE order_history (
  order_id uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  status   text        NOT NULL,
  actor    text        NOT NULL CHECK (actor IN ('user', 'admin', 'system')),
  reason   text        CHECK (char_length(reason) BETWEEN 1 AND 64),
  at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (order_id, status)
);
INSERT INTO order_history (order_id, status, actor, at)
  SELECT id, 'pending', 'user', created_at FROM orders;
INSERT INTO order_history (order_id, status, actor, reason, at)
  SELECT id, status, CASE status WHEN 'confirmed' THEN 'system' ELSE 'user' END,
         CASE status WHEN 'cancelled' THEN 'customer' END, updated_at
  FROM orders WHERE status <> 'pending';

-- An order as every reader sees it (API responses, event payloads, idempotent replays).
CREATE FUNCTION order_json(o orders) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'id', o.id, 'userId', o.user_id, 'status', o.status, 'currency', o.currency,
    'totalCents', o.total_cents,
    'items', coalesce(
      (SELECT jsonb_agg(jsonb_build_object(
                'productId', i.product_id, 'name', i.name, 'quantity', i.quantity,
                'unitPriceCents', i.unit_price_cents, 'lineTotalCents', i.line_total_cents)
              ORDER BY i.product_id)
       FROM order_items i WHERE i.order_id = o.id),
      '[]'),
    'shipment', CASE WHEN o.carrier IS NOT NULL THEN
      jsonb_build_object('carrier', o.carrier, 'trackingNumber', o.tracking_number) END,
    'createdAt', iso_utc(o.created_at), 'updatedAt', iso_utc(o.updated_at))
$$;

-- Outbox: no NOTIFY per insert (the relay polls adaptively), no index on published_at (the
-- relay's mark then touches one index, the primary key), no constant column.
DROP TRIGGER outbox_inserted_notify ON outbox;
DROP FUNCTION notify_outbox_inserted();
DROP INDEX outbox_published_idx;
ALTER TABLE outbox DROP COLUMN aggregate_type;
-- Retention deletes by age; rows arrive in time order, so a BRIN index is enough.
CREATE INDEX outbox_created_brin ON outbox USING brin (created_at);

-- The inbox: one row per (consumer, event) the relay handed out and the consumer has not
-- applied yet. A consumer deletes its row in the same statement as its effect, so a redelivered
-- job finds nothing and changes nothing; rows left behind are what the reconciler re-sends.
CREATE TABLE inbox (
  consumer  text        NOT NULL CHECK (char_length(consumer) BETWEEN 1 AND 100),
  event_id  uuid        NOT NULL,
  -- When the job was last sent to its queue (by the relay, or again by the reconciler).
  sent_at   timestamptz NOT NULL DEFAULT now(),
  -- Set when the consumer gave up for good (a dead letter): the reconciler leaves it alone.
  failed_at timestamptz,
  PRIMARY KEY (consumer, event_id)
);
-- Events the old relay published whose order is still waiting for its confirmation.
INSERT INTO inbox (consumer, event_id)
  SELECT 'authorize-payment', e.id
  FROM outbox e JOIN orders o ON o.id = e.aggregate_id
  WHERE e.event_type = 'order.created' AND e.published_at IS NOT NULL AND o.status = 'pending'
    AND NOT EXISTS (
      SELECT FROM processed_events p WHERE p.consumer = 'order-created' AND p.event_id = e.id);
DROP TABLE processed_events;

-- A refusal: the message is a stable code, the detail its JSON members. Raised (not returned)
-- where writes may already have happened, so the whole statement rolls back.
CREATE FUNCTION refuse(code text, details jsonb DEFAULT '{}') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'OR001', MESSAGE = code, DETAIL = details::text;
END;
$$;

-- Why an order's lines could not all be taken, in the precedence clients have always seen:
-- unavailable products, then mixed currencies, then shortages. The first `taken` lines (in id
-- order) were already decremented by this statement, so their stock is counted back.
CREATE FUNCTION refuse_order_lines(product_ids uuid[], quantities int[], taken int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  unavailable jsonb;
  currencies  jsonb;
  shortages   jsonb;
BEGIN
  SELECT jsonb_agg(l.product_id ORDER BY l.product_id) INTO unavailable
  FROM unnest(product_ids) AS l(product_id)
  LEFT JOIN products p ON p.id = l.product_id AND p.archived_at IS NULL
  WHERE p.id IS NULL;
  IF unavailable IS NOT NULL THEN
    PERFORM refuse('PRODUCT_UNAVAILABLE', jsonb_build_object('productIds', unavailable));
  END IF;
  SELECT jsonb_agg(c.currency ORDER BY c.first_position) INTO currencies
  FROM (
    SELECT p.currency, min(l.position) AS first_position
    FROM unnest(product_ids) WITH ORDINALITY AS l(product_id, position)
    JOIN products p ON p.id = l.product_id
    GROUP BY p.currency
  ) c;
  IF jsonb_array_length(currencies) > 1 THEN
    PERFORM refuse('CURRENCY_MISMATCH', jsonb_build_object('currencies', currencies));
  END IF;
  SELECT jsonb_agg(jsonb_build_object(
           'productId', l.product_id, 'requested', l.quantity, 'available', l.available)
         ORDER BY l.product_id) INTO shortages
  FROM (
    SELECT l.product_id, l.quantity,
           p.stock + CASE WHEN l.position <= taken THEN l.quantity ELSE 0 END AS available
    FROM unnest(product_ids, quantities) WITH ORDINALITY AS l(product_id, quantity, position)
    JOIN products p ON p.id = l.product_id
  ) l
  WHERE l.available < l.quantity;
  PERFORM refuse('INSUFFICIENT_STOCK', jsonb_build_object('shortages', coalesce(shortages, '[]')));
END;
$$;

-- Places an order in one statement: claims the idempotency key, takes the stock line by line in
-- product id order (lock and decrement in one conditional UPDATE, the order every writer locks
-- products in), prices the lines, and writes the order, its lines, its first history entry, its
-- order.created event and the key's record. Returns {replayed, order}; refusals are raised.
-- `product_ids` must be distinct and sorted (uuid order); the caller canonicalises.
CREATE FUNCTION create_order(
  order_id uuid, user_id uuid, product_ids uuid[], quantities int[],
  event_id uuid, traceparent text, tracestate text,
  idempotency_key text, request_hash bytea
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  previous   record;
  line       record;
  taken      record;
  names      text[]   := '{}';
  prices     bigint[] := '{}';
  currencies text[]   := '{}';
  new_order  orders;
  body       jsonb;
BEGIN
  IF NOT EXISTS (SELECT FROM users u WHERE u.id = create_order.user_id) THEN
    PERFORM refuse('UNKNOWN_USER');
  END IF;
  IF idempotency_key IS NOT NULL THEN
    -- Without waiting: a duplicate in flight is refused at once instead of holding a connection.
    -- Keys whose hashes collide merely see a spurious "in use".
    IF NOT pg_try_advisory_xact_lock(1229212505, hashtext(user_id::text || idempotency_key)) THEN
      PERFORM refuse('IDEMPOTENCY_KEY_IN_USE');
    END IF;
    DELETE FROM idempotency_keys k
    WHERE k.user_id = create_order.user_id AND k.key = idempotency_key AND k.expires_at <= now();
    SELECT k.request_hash, k.response_body INTO previous
    FROM idempotency_keys k
    WHERE k.user_id = create_order.user_id AND k.key = idempotency_key;
    IF FOUND THEN
      IF previous.request_hash <> request_hash THEN
        PERFORM refuse('IDEMPOTENCY_KEY_REUSED');
      END IF;
      RETURN jsonb_build_object('replayed', true, 'order', previous.response_body -> 'order');
    END IF;
  END IF;

  FOR line IN
    SELECT l.product_id, l.quantity, l.position
    FROM unnest(product_ids, quantities) WITH ORDINALITY AS l(product_id, quantity, position)
  LOOP
    UPDATE products p SET stock = p.stock - line.quantity
    WHERE p.id = line.product_id AND p.stock >= line.quantity AND p.archived_at IS NULL
    RETURNING p.name, p.price_cents, p.currency INTO taken;
    IF NOT FOUND THEN
      PERFORM refuse_order_lines(product_ids, quantities, line.position::int - 1);
    END IF;
    names := names || taken.name;
    prices := prices || taken.price_cents;
    currencies := currencies || taken.currency::text;
  END LOOP;
  IF EXISTS (SELECT FROM unnest(currencies) c WHERE c <> currencies[1]) THEN
    PERFORM refuse_order_lines(product_ids, quantities, cardinality(product_ids));
  END IF;

  INSERT INTO orders (id, user_id, currency, total_cents)
  SELECT order_id, user_id, currencies[1], sum(q * p)
  FROM unnest(quantities, prices) AS l(q, p)
  RETURNING * INTO new_order;
  INSERT INTO order_items (order_id, product_id, name, quantity, unit_price_cents)
  SELECT order_id, l.product_id, l.name, l.quantity, l.price
  FROM unnest(product_ids, names, quantities, prices) AS l(product_id, name, quantity, price);
  INSERT INTO order_history (order_id, status, actor) VALUES (order_id, 'pending', 'user');
  body := order_json(new_order);
  INSERT INTO outbox (id, aggregate_id, event_type, payload, traceparent, tracestate)
  VALUES (event_id, order_id, 'order.created',
          jsonb_build_object('version', 2, 'order', body, 'from', NULL, 'actor', 'user',
                             'reason', NULL),
          traceparent, tracestate);
  IF idempotency_key IS NOT NULL THEN
    -- Only a writer that skipped the advisory lock can have stored the key meanwhile.
    INSERT INTO idempotency_keys (user_id, key, request_hash, response_body)
    VALUES (user_id, idempotency_key, request_hash, jsonb_build_object('order', body))
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      PERFORM refuse('IDEMPOTENCY_KEY_IN_USE');
    END IF;
  END IF;
  RETURN jsonb_build_object('replayed', false, 'order', body);
END;
$$;

-- Moves orders along the workflow, each as its own transition: status, shipment (when given),
-- restock on cancelled/expired, a history entry and the order.<status> event. Orders are locked
-- in id order, then the products they give back in id order — the order every writer takes
-- locks in — so batches and single requests cannot deadlock. A transition the order's status
-- does not allow is skipped (moved = false), never raised: a batch goes on with the others.
-- Returns one row per requested order: its status before (null when it does not exist),
-- whether it moved, and the order after.
CREATE FUNCTION transition_orders(
  order_ids uuid[], to_statuses text[], actor text, reasons text[],
  event_ids uuid[], traceparents text[], tracestates text[],
  carrier text DEFAULT NULL, tracking_number text DEFAULT NULL
) RETURNS TABLE (order_id uuid, from_status text, moved boolean, "order" jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  before jsonb;
BEGIN
  SELECT coalesce(jsonb_object_agg(locked.id::text, locked.status), '{}') INTO before
  FROM (
    SELECT o.id, o.status FROM orders o WHERE o.id = ANY(order_ids) ORDER BY o.id
    FOR NO KEY UPDATE
  ) locked;
  PERFORM FROM products p
  WHERE p.id IN (
    SELECT i.product_id
    FROM unnest(order_ids, to_statuses) AS t(order_id, to_status)
    JOIN order_items i ON i.order_id = t.order_id
    WHERE t.to_status IN ('cancelled', 'expired'))
  ORDER BY p.id
  FOR NO KEY UPDATE;

  RETURN QUERY
  WITH requested AS (
    SELECT t.*, before ->> t.order_id::text AS from_status
    FROM unnest(order_ids, to_statuses, reasons, event_ids, traceparents, tracestates)
      AS t(order_id, to_status, reason, event_id, traceparent, tracestate)
  ), allowed AS (
    SELECT r.* FROM requested r
    JOIN order_transitions a ON a.from_status = r.from_status AND a.to_status = r.to_status
  ), changed AS (
    UPDATE orders o
    SET status = a.to_status, updated_at = now(),
        carrier = CASE WHEN a.to_status = 'shipped' THEN transition_orders.carrier ELSE o.carrier END,
        tracking_number = CASE WHEN a.to_status = 'shipped'
                               THEN transition_orders.tracking_number ELSE o.tracking_number END
    FROM allowed a WHERE o.id = a.order_id
    RETURNING o AS after, a.*
  ), restocked AS (
    UPDATE products p SET stock = p.stock + back.quantity
    FROM (
      SELECT i.product_id, sum(i.quantity) AS quantity
      FROM changed c JOIN order_items i ON i.order_id = c.order_id
      WHERE c.to_status IN ('cancelled', 'expired')
      GROUP BY i.product_id
    ) back
    WHERE p.id = back.product_id
  ), history AS (
    INSERT INTO order_history (order_id, status, actor, reason)
    SELECT c.order_id, c.to_status, transition_orders.actor, c.reason FROM changed c
  ), announced AS (
    SELECT c.*, order_json(c.after) AS body FROM changed c
  ), events AS (
    INSERT INTO outbox (id, aggregate_id, event_type, payload, traceparent, tracestate)
    SELECT a.event_id, a.order_id, 'order.' || a.to_status,
           jsonb_build_object('version', 2, 'order', a.body, 'from', a.from_status,
                              'actor', transition_orders.actor, 'reason', a.reason),
           a.traceparent, a.tracestate
    FROM announced a
  )
  SELECT r.order_id, r.from_status, a.order_id IS NOT NULL, a.body
  FROM requested r LEFT JOIN announced a ON a.order_id = r.order_id;
END;
$$;

-- A consumer applying a batch of transitions decided from its events: takes its inbox rows and
-- moves the orders of the events it still had to apply, in one statement. Returns one row per
-- event: taken = false for a redelivery (applied before), and else the transition's result.
CREATE FUNCTION apply_event_transitions(
  consumer text, event_ids uuid[], order_ids uuid[], to_statuses text[], actor text,
  reasons text[], new_event_ids uuid[], traceparents text[], tracestates text[]
) RETURNS TABLE (event_id uuid, taken boolean, from_status text, moved boolean, "order" jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  taken_ids uuid[];
BEGIN
  WITH taken AS (
    DELETE FROM inbox i
    WHERE i.consumer = apply_event_transitions.consumer AND i.event_id = ANY(event_ids)
    RETURNING i.event_id
  )
  SELECT coalesce(array_agg(taken.event_id), '{}') INTO taken_ids FROM taken;

  RETURN QUERY
  WITH input AS (
    SELECT * FROM unnest(event_ids, order_ids, to_statuses, reasons, new_event_ids,
                         traceparents, tracestates)
      AS t(event_id, order_id, to_status, reason, new_event_id, traceparent, tracestate)
  ), todo AS (
    SELECT * FROM input WHERE input.event_id = ANY(taken_ids)
  ), result AS (
    SELECT * FROM transition_orders(
      ARRAY(SELECT todo.order_id FROM todo ORDER BY todo.event_id),
      ARRAY(SELECT todo.to_status FROM todo ORDER BY todo.event_id),
      actor,
      ARRAY(SELECT todo.reason FROM todo ORDER BY todo.event_id),
      ARRAY(SELECT todo.new_event_id FROM todo ORDER BY todo.event_id),
      ARRAY(SELECT todo.traceparent FROM todo ORDER BY todo.event_id),
      ARRAY(SELECT todo.tracestate FROM todo ORDER BY todo.event_id))
  )
  SELECT i.event_id, t.event_id IS NOT NULL, r.from_status, coalesce(r.moved, false), r."order"
  FROM input i
  LEFT JOIN todo t ON t.event_id = i.event_id
  LEFT JOIN result r ON r.order_id = t.order_id;
END;
$$;
