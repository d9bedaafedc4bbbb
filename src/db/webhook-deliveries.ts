import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import type { KeysetPosition } from './keyset.js';
import { orderEventSchema, orderEventTypes } from './outbox.js';

export const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One (event, endpoint) delivery, as the log shows it. */
export const webhookDeliverySchema = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventType: z.enum(orderEventTypes),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  lastStatusCode: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

const deliveryColumns = sql.fragment`
  d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.status, d.attempts,
  d.last_status_code AS "lastStatusCode", d.last_error AS "lastError",
  d.next_attempt_at AS "nextAttemptAt", d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;
const listedDeliveryRow = webhookDeliverySchema.extend({ createdAtMicros: z.number() });

/**
 * Workers from before migration 010 go on handing events to their `deliver-webhook` consumer
 * while a rollout runs beside them. Rows of theirs that no such worker took within
 * `olderThanMs` become pending deliveries here, as migration 010 made them, ready for the
 * reconciler at once. Returns how many events were taken; goes when no pre-010 worker can run.
 */
export function adoptRetiredFanOuts(db: CommonQueryMethods, olderThanMs: number): Promise<number> {
  return db.oneFirst(sql.prepared('adopt_retired_fan_outs', z.object({ taken: z.number() }))`
    WITH taken AS (
      DELETE FROM inbox
      WHERE consumer = 'deliver-webhook'
        AND sent_at < now() - ${olderThanMs}::float8 * interval '1 millisecond'
      RETURNING event_id
    ), created AS (
      INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, sent_at)
      SELECT e.id, o.id, o.event_type, '-infinity'
      FROM taken t
      JOIN outbox o ON o.id = t.event_id
      JOIN webhook_endpoints e ON e.enabled AND o.event_type = ANY(e.event_types)
      ON CONFLICT (event_id, endpoint_id) DO NOTHING
      RETURNING 1
    )
    SELECT count(*)::int AS taken FROM taken`);
}

const deliveryToSendRow = z.object({
  id: z.uuid(),
  status: z.enum(deliveryStatuses),
  endpointId: z.uuid(),
  url: z.string(),
  secret: z.string(),
  enabled: z.boolean(),
  event: orderEventSchema,
});
export type DeliveryToSend = z.infer<typeof deliveryToSendRow>;

/** What sending a batch of deliveries needs: the endpoint as it is now, and the event. */
export function findDeliveriesToSend(
  db: CommonQueryMethods,
  ids: readonly string[],
): Promise<readonly DeliveryToSend[]> {
  return db.any(sql.prepared('find_deliveries_to_send', deliveryToSendRow)`
    SELECT d.id, d.status, e.id AS "endpointId", e.url, e.secret, e.enabled,
           jsonb_build_object(
             'id', o.id, 'type', o.event_type, 'orderId', o.aggregate_id, 'payload', o.payload,
             'traceparent', o.traceparent, 'tracestate', o.tracestate,
             'createdAt', iso_utc(o.created_at)) AS event
    FROM webhook_deliveries d
    JOIN webhook_endpoints e ON e.id = d.endpoint_id
    JOIN outbox o ON o.id = d.event_id
    WHERE d.id = ANY(${sql.array(ids, 'uuid')})`);
}

export interface DeliveryAttempt {
  id: string;
  status: DeliveryStatus;
  statusCode: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

/** Records a batch of attempts in one statement. */
export async function recordDeliveryAttempts(
  db: CommonQueryMethods,
  attempts: readonly DeliveryAttempt[],
): Promise<void> {
  await db.query(sql.prepared('record_delivery_attempts', z.object({}))`
    UPDATE webhook_deliveries d
    SET status = a.status, attempts = d.attempts + 1, last_status_code = a.status_code,
        last_error = a.error, next_attempt_at = a.next_attempt_at, updated_at = now()
    FROM unnest(
      ${sql.array(
        attempts.map((a) => a.id),
        'uuid',
      )},
      ${sql.array(
        attempts.map((a) => a.status),
        'text',
      )},
      ${sql.array(
        attempts.map((a) => a.statusCode),
        'int4',
      )},
      ${sql.array(
        attempts.map((a) => a.error),
        'text',
      )},
      ${sql.array(
        attempts.map((a) => a.nextAttemptAt),
        'timestamptz',
      )}
    ) AS a(id, status, status_code, error, next_attempt_at)
    WHERE d.id = a.id`);
}

/** An endpoint's log, newest first, keyset-paginated. */
export function listWebhookDeliveries(
  db: CommonQueryMethods,
  listing: {
    endpointId: string;
    limit: number;
    status?: DeliveryStatus | undefined;
    after?: KeysetPosition | undefined;
  },
): Promise<readonly z.infer<typeof listedDeliveryRow>[]> {
  const conditions = [sql.fragment`d.endpoint_id = ${listing.endpointId}::uuid`];
  if (listing.status) conditions.push(sql.fragment`d.status = ${listing.status}`);
  if (listing.after) {
    conditions.push(sql.fragment`(d.created_at, d.id) < (
      'epoch'::timestamptz + ${listing.after.createdAtMicros} * interval '1 microsecond',
      ${listing.after.id}::uuid)`);
  }
  return db.any(sql.type(listedDeliveryRow)`
    SELECT ${deliveryColumns},
           (extract(epoch FROM d.created_at) * 1000000)::bigint AS "createdAtMicros"
    FROM webhook_deliveries d
    WHERE ${sql.join(conditions, sql.fragment` AND `)}
    ORDER BY d.created_at DESC, d.id DESC
    LIMIT ${listing.limit}`);
}

export function findWebhookDelivery(
  db: CommonQueryMethods,
  endpointId: string,
  id: string,
): Promise<WebhookDelivery | null> {
  return db.maybeOne(sql.type(webhookDeliverySchema)`
    SELECT ${deliveryColumns} FROM webhook_deliveries d
    WHERE d.id = ${id}::uuid AND d.endpoint_id = ${endpointId}::uuid`);
}

/** A failed delivery back to pending, to be sent again now; null when it was not failed. */
export function reopenFailedDelivery(
  db: CommonQueryMethods,
  endpointId: string,
  id: string,
): Promise<WebhookDelivery | null> {
  return db.maybeOne(sql.type(webhookDeliverySchema)`
    UPDATE webhook_deliveries d
    SET status = 'pending', next_attempt_at = now(), sent_at = now(), updated_at = now()
    WHERE d.id = ${id}::uuid AND d.endpoint_id = ${endpointId}::uuid AND d.status = 'failed'
    RETURNING ${deliveryColumns}`);
}

/**
 * Pending deliveries whose job was sent longer than `olderThanMs` ago, with their send time
 * renewed (each is looked at once per period); the reconciler checks that their job exists.
 */
export function claimStaleDeliveries(
  db: CommonQueryMethods,
  olderThanMs: number,
  limit: number,
): Promise<readonly { id: string; event: z.infer<typeof orderEventSchema> }[]> {
  return db.any(sql.prepared(
    'claim_stale_deliveries',
    z.object({ id: z.uuid(), event: orderEventSchema }),
  )`
    WITH stale AS (
      SELECT id FROM webhook_deliveries
      WHERE status = 'pending'
        AND sent_at < now() - ${olderThanMs}::float8 * interval '1 millisecond'
      ORDER BY sent_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), renewed AS (
      UPDATE webhook_deliveries d SET sent_at = now()
      FROM stale s WHERE d.id = s.id
      RETURNING d.id, d.event_id
    )
    SELECT r.id, jsonb_build_object(
             'id', o.id, 'type', o.event_type, 'orderId', o.aggregate_id, 'payload', o.payload,
             'traceparent', o.traceparent, 'tracestate', o.tracestate,
             'createdAt', iso_utc(o.created_at)) AS event
    FROM renewed r JOIN outbox o ON o.id = r.event_id`);
}

/** Deliveries per endpoint and status, and the age of each endpoint's oldest pending one. */
export function webhookDeliveryBacklog(
  db: CommonQueryMethods,
): Promise<readonly { endpointId: string; pending: number; oldestPendingSeconds: number }[]> {
  return db.any(sql.type(
    z.object({ endpointId: z.uuid(), pending: z.number(), oldestPendingSeconds: z.number() }),
  )`
    SELECT e.id AS "endpointId", count(d.id)::int AS pending,
           coalesce(extract(epoch FROM now() - min(d.created_at)), 0)::float8
             AS "oldestPendingSeconds"
    FROM webhook_endpoints e
    LEFT JOIN webhook_deliveries d ON d.endpoint_id = e.id AND d.status = 'pending'
    GROUP BY e.id`);
}
