-- Up Migration

-- Expiry: pending orders older than ORDER_PENDING_TTL become expired. A sweep finds them by
-- creation time from a watermark (every order created before it has left pending), so it reads
-- only the orders created since the last sweep — no index on status, which would make every
-- status change a non-HOT update (see migration 005).
CREATE TABLE order_expiry_watermark (
  singleton    boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
  swept_before timestamptz NOT NULL
);
INSERT INTO order_expiry_watermark (swept_before)
  SELECT coalesce(min(created_at), now()) FROM orders WHERE status = 'pending';

-- One sweep step: expires up to `batch` pending orders created before now() - ttl (restock,
-- history, order.expired, as transition_orders does every transition) and returns them. An order
-- is stamped with its transaction's start, so one created up to `slack` before the watermark may
-- have committed after the last sweep: the window reaches back that far. The watermark moves only
-- once a step found fewer than `batch` (nothing left behind). Concurrent sweeps skip, not wait.
CREATE FUNCTION expire_orders(
  ttl interval, slack interval, batch int, traceparent text, tracestate text
) RETURNS TABLE (order_id uuid, "order" jsonb) LANGUAGE plpgsql AS $$
DECLARE
  cutoff timestamptz := now() - ttl;
  since  timestamptz;
  due    uuid[];
  n      int;
BEGIN
  SELECT w.swept_before - slack INTO since
  FROM order_expiry_watermark w FOR UPDATE SKIP LOCKED;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  SELECT coalesce(array_agg(d.id), '{}') INTO due
  FROM (
    SELECT o.id FROM orders o
    WHERE o.created_at >= since AND o.created_at < cutoff AND o.status = 'pending'
    ORDER BY o.created_at, o.id
    LIMIT batch
  ) d;
  n := cardinality(due);
  RETURN QUERY
  SELECT t.order_id, t."order"
  FROM transition_orders(
    due, array_fill('expired'::text, ARRAY[n]), 'system', array_fill('expired'::text, ARRAY[n]),
    ARRAY(SELECT gen_random_uuid() FROM unnest(due)),
    array_fill(traceparent, ARRAY[n]), array_fill(tracestate, ARRAY[n])) t
  WHERE t.moved;
  IF n < batch THEN
    UPDATE order_expiry_watermark SET swept_before = greatest(swept_before, cutoff);
  END IF;
END;
$$;
