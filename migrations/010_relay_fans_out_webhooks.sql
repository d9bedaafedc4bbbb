-- Up Migration

-- The relay now creates an event's webhook deliveries when it publishes it; the deliver-webhook
-- consumer that did so from an inbox row is gone. Events handed to it and not yet fanned out
-- (dead letters too: their queue is gone, so nothing else would ever send them) get their
-- deliveries here, as it would have made them. sent_at '-infinity' makes the reconciler, which
-- sends pending deliveries whose job is missing, pick them up on its next pass.
INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, sent_at)
  SELECT e.id, o.id, o.event_type, '-infinity'
  FROM inbox i
  JOIN outbox o ON o.id = i.event_id
  JOIN webhook_endpoints e ON e.enabled AND o.event_type = ANY(e.event_types)
  WHERE i.consumer = 'deliver-webhook'
  ON CONFLICT (event_id, endpoint_id) DO NOTHING;
DELETE FROM inbox WHERE consumer = 'deliver-webhook';
