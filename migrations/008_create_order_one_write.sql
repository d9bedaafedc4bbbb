-- Up Migration

-- create_order() cost Postgres more CPU than the classic five-statement transaction it replaced
-- (docs/perf/create-order-profile.md). Most of it went to SQL functions that are parsed and
-- planned again on every call (order_json() and iso_utc(), never inlined), and to one executor
-- start per statement: an UPDATE per line, then four INSERTs.

-- STABLE (to_char is) lets the planner inline it instead of re-planning its body on each call.
ALTER FUNCTION iso_utc(timestamptz) STABLE;

-- Same signature, behaviour, refusals and precedence as migration 005's version. The stock is
-- taken and everything written in one statement: the products are locked in id order first (the
-- order every writer locks them in), and the writes happen only when every line can be taken in
-- one currency; otherwise it wrote nothing, and refuse_order_lines() names why. The order's JSON
-- is built from the rows just written, as order_json() would read them back.
CREATE OR REPLACE FUNCTION create_order(
  order_id uuid, user_id uuid, product_ids uuid[], quantities int[],
  event_id uuid, traceparent text, tracestate text,
  idempotency_key text, request_hash bytea
) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  previous   record;
  body       jsonb;
  key_stored boolean;
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

  WITH locked AS MATERIALIZED (
    SELECT p.id, p.name, p.price_cents, p.currency, p.stock, p.archived_at
    FROM products p WHERE p.id = ANY(product_ids)
    ORDER BY p.id
    FOR NO KEY UPDATE
  ), line AS (
    SELECT l.product_id, l.quantity, k.name, k.price_cents, k.currency
    FROM unnest(product_ids, quantities) AS l(product_id, quantity)
    JOIN locked k ON k.id = l.product_id AND k.stock >= l.quantity AND k.archived_at IS NULL
  ), placeable AS (
    SELECT min(line.currency) AS currency, sum(line.quantity * line.price_cents) AS total_cents
    FROM line
    HAVING count(*) = cardinality(product_ids) AND min(line.currency) = max(line.currency)
  ), taken AS (
    UPDATE products p SET stock = p.stock - line.quantity
    FROM line, placeable
    WHERE p.id = line.product_id
  ), new_order AS (
    INSERT INTO orders (id, user_id, currency, total_cents)
    SELECT create_order.order_id, create_order.user_id, placeable.currency, placeable.total_cents
    FROM placeable
    RETURNING *
  ), new_lines AS (
    INSERT INTO order_items (order_id, product_id, name, quantity, unit_price_cents)
    SELECT create_order.order_id, line.product_id, line.name, line.quantity, line.price_cents
    FROM line, placeable
  ), history AS (
    INSERT INTO order_history (order_id, status, actor)
    SELECT create_order.order_id, 'pending', 'user' FROM placeable
  ), built AS (
    -- Exactly order_json(o) for a new order: no shipment, lines in product id order.
    SELECT jsonb_build_object(
      'id', o.id, 'userId', o.user_id, 'status', o.status, 'currency', o.currency,
      'totalCents', o.total_cents,
      'items', (SELECT jsonb_agg(jsonb_build_object(
                         'productId', line.product_id, 'name', line.name,
                         'quantity', line.quantity, 'unitPriceCents', line.price_cents,
                         'lineTotalCents', line.quantity * line.price_cents)
                       ORDER BY line.product_id)
                FROM line),
      'shipment', NULL,
      'createdAt', iso_utc(o.created_at), 'updatedAt', iso_utc(o.updated_at)) AS body
    FROM new_order o
  ), event AS (
    INSERT INTO outbox (id, aggregate_id, event_type, payload, traceparent, tracestate)
    SELECT create_order.event_id, create_order.order_id, 'order.created',
           jsonb_build_object('version', 2, 'order', built.body, 'from', NULL, 'actor', 'user',
                              'reason', NULL),
           create_order.traceparent, create_order.tracestate
    FROM built
  ), stored_key AS (
    -- Only a writer that skipped the advisory lock can have stored the key meanwhile.
    INSERT INTO idempotency_keys (user_id, key, request_hash, response_body)
    SELECT create_order.user_id, create_order.idempotency_key, create_order.request_hash,
           jsonb_build_object('order', built.body)
    FROM built
    WHERE create_order.idempotency_key IS NOT NULL
    ON CONFLICT DO NOTHING
    RETURNING true
  )
  SELECT built.body, EXISTS (SELECT FROM stored_key) INTO body, key_stored FROM built;

  IF body IS NULL THEN
    -- Nothing was written or taken; only the products' locks are held.
    PERFORM refuse_order_lines(product_ids, quantities, 0);
  END IF;
  IF idempotency_key IS NOT NULL AND NOT key_stored THEN
    PERFORM refuse('IDEMPOTENCY_KEY_IN_USE');
  END IF;
  RETURN jsonb_build_object('replayed', false, 'order', body);
END;
$$;
