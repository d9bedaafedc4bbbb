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

/**
 * Which consumer takes which event type: one inbox row per pair when an event is published, or,
 * when the consumer needs a webhook endpoint, only while an enabled one subscribes to the type.
 */
export interface Subscription {
  consumer: string;
  eventType: OrderEventType;
  needsWebhookEndpoint: boolean;
}

const publishedRow = orderEventSchema.extend({ handedTo: z.array(z.string()) });
export interface PublishedEvent {
  event: OrderEvent;
  /** The consumers that got an inbox row for it: the jobs to enqueue. */
  handedTo: string[];
}

/**
 * The relay's step, in one statement: locks the oldest unpublished events (concurrent relays
 * skip them), marks them published and hands each to its consumers (an inbox row per pair).
 * The caller enqueues the jobs after this commits; until a consumer applies its event, the inbox
 * row lets the reconciler send it again, so nothing is lost if the enqueue never happens.
 * Endpoints are read in this statement's snapshot: one committed before it gets the event.
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
        )},
        ${sql.array(
          subscriptions.map((s) => s.needsWebhookEndpoint),
          'bool',
        )}) AS s(consumer, event_type, needs_webhook_endpoint)
        ON s.event_type = p.event_type
      WHERE NOT s.needs_webhook_endpoint OR EXISTS (
        SELECT FROM webhook_endpoints e WHERE e.enabled AND p.event_type = ANY(e.event_types))
      RETURNING consumer, event_id
    ), handed_by_event AS (
      SELECT event_id, array_agg(consumer) AS consumers FROM handed GROUP BY event_id
    )
    SELECT ${eventColumns}, coalesce(h.consumers, '{}') AS "handedTo"
    FROM published p LEFT JOIN handed_by_event h ON h.event_id = p.id
    ORDER BY created_at, id`);
  return rows.map(({ handedTo, ...event }) => ({ event, handedTo }));
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
