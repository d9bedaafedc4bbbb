-- Up Migration

-- order_json() as plpgsql: a LANGUAGE sql function with a sub-select is never inlined, so
-- Postgres parsed and planned its body again on every call (every order a transition moves, every
-- read). plpgsql keeps the plan for the session. Same body, same JSON.
CREATE OR REPLACE FUNCTION order_json(o orders) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN jsonb_build_object(
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
    'createdAt', iso_utc(o.created_at), 'updatedAt', iso_utc(o.updated_at));
END;
$$;
