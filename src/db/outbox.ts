import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { orderActors, orderSchema, orderStatuses } from './orders.js';

export const orderEventTypes = [
  'order.created',
  'order.confirmed',
  'order.shipped',
  'order.delivered',
  'order.cancelled',
  'order.expired',
] as const;
export type OrderEventType = (typeof orderEventTypes)[number];

/**
 * An outbox row, once: what the API and the worker write, what the relay reads and what each job
 * carries. Payloads are versioned; a breaking change adds a version instead of editing this one.
 */
export const orderEventSchema = z.object({
  id: z.uuid(),
  type: z.enum(orderEventTypes),
  orderId: z.uuid(),
  payload: z.object({
    version: z.literal(2),
    order: orderSchema,
    /** The status the order left (null for order.created). */
    from: z.enum(orderStatuses).nullable(),
    actor: z.enum(orderActors),
    reason: z.string().nullable(),
  }),
  traceparent: z.string().nullable(),
  tracestate: z.string().nullable(),
  createdAt: z.string(),
});
export type OrderEvent = z.infer<typeof orderEventSchema>;

export const eventColumns = sql.fragment`
  id, event_type AS type, aggregate_id AS "orderId", payload, traceparent, tracestate,
  created_at AS "createdAt"`;

/** Which consumer takes which event type: one inbox row per pair when an event is published. */
export interface Subscription {
  consumer: string;
  eventType: OrderEventType;
}

const publishedRow = orderEventSchema.extend({
  handedTo: z.array(z.string()),
  deliveryIds: z.array(z.uuid()),
});
export interface PublishedEvent {
  event: OrderEvent;
  /** The consumers that got an inbox row for it: the jobs to enqueue. */
  handedTo: string[];
  /** Its webhook deliveries, one per enabled endpoint subscribed to its type: a job each. */
  deliveryIds: string[];
}

/**
 * The relay's step, in one statement: locks the oldest unpublished events (concurrent relays
 * skip them), marks them published, hands each to its consumers (an inbox row per pair) and
 * creates its pending webhook deliveries. The caller enqueues the jobs after this commits; until
 * a consumer applies its event or a delivery is sent, the reconciler sends it again from its
 * inbox or delivery row, so nothing is lost if the enqueue never happens. Endpoints are read in
 * this statement's snapshot: one committed before it gets the event, a later one does not.
 */
export async function publishOutboxEvents(
  db: CommonQueryMethods,
  limit: number,
  subscriptions: readonly Subscription[],
): Promise<PublishedEvent[]> {
  const rows = await db.any(sql.prepared('publish_outbox_events', publishedRow)`
    WITH claimed AS (
      SELECT id FROM outbox
      WHERE published_at IS NULL
      ORDER BY created_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), published AS (
      UPDATE outbox o SET published_at = now()
      FROM claimed c WHERE o.id = c.id
      RETURNING o.*
    ), handed AS (
      INSERT INTO inbox (consumer, event_id)
      SELECT s.consumer, p.id
      FROM published p
      JOIN unnest(
        ${sql.array(
          subscriptions.map((s) => s.consumer),
          'text',
        )},
        ${sql.array(
          subscriptions.map((s) => s.eventType),
          'text',
        )}) AS s(consumer, event_type)
        ON s.event_type = p.event_type
      RETURNING consumer, event_id
    ), delivering AS (
      INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type)
      SELECT e.id, p.id, p.event_type
      FROM published p
      JOIN webhook_endpoints e ON e.enabled AND p.event_type = ANY(e.event_types)
      ON CONFLICT (event_id, endpoint_id) DO NOTHING
      RETURNING id, event_id
    ), handed_by_event AS (
      SELECT event_id, array_agg(consumer) AS consumers FROM handed GROUP BY event_id
    ), deliveries_by_event AS (
      SELECT event_id, array_agg(id) AS ids FROM delivering GROUP BY event_id
    )
    SELECT ${eventColumns}, coalesce(h.consumers, '{}') AS "handedTo",
           coalesce(d.ids, '{}') AS "deliveryIds"
    FROM published p
    LEFT JOIN handed_by_event h ON h.event_id = p.id
    LEFT JOIN deliveries_by_event d ON d.event_id = p.id
    ORDER BY created_at, id`);
  return rows.map(({ handedTo, deliveryIds, ...event }) => ({ event, handedTo, deliveryIds }));
}

/**
 * Deletes at most `limit` events older than the retention that every consumer has applied;
 * returns how many went.
 */
export function deleteExpiredOutboxEvents(
  db: CommonQueryMethods,
  retentionHours: number,
  limit: number,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ deleted: z.number() }))`
    WITH expired AS (
      SELECT o.id FROM outbox o
      WHERE o.created_at < now() - ${retentionHours} * interval '1 hour'
        AND o.published_at IS NOT NULL
        AND NOT EXISTS (SELECT FROM inbox i WHERE i.event_id = o.id)
        AND NOT EXISTS (
          SELECT FROM webhook_deliveries d WHERE d.event_id = o.id AND d.status = 'pending')
      LIMIT ${limit}
    ), deleted AS (
      DELETE FROM outbox WHERE id IN (SELECT id FROM expired) RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM deleted`);
}
