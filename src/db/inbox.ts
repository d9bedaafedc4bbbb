import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { eventColumns, orderEventSchema, type OrderEvent } from './outbox.js';

/**
 * A consumer takes its inbox rows in the statement that applies its effect; a row already gone
 * means the event was applied by an earlier delivery. Returns the ids taken now.
 */
export function takeInboxEvents(
  db: CommonQueryMethods,
  consumer: string,
  eventIds: readonly string[],
): Promise<readonly string[]> {
  return db.anyFirst(sql.prepared('take_inbox_events', z.object({ eventId: z.uuid() }))`
    DELETE FROM inbox
    WHERE consumer = ${consumer}::text AND event_id = ANY(${sql.array(eventIds, 'uuid')})
    RETURNING event_id AS "eventId"`);
}

/** A consumer gave up on an event for good: the reconciler stops sending it (a dead letter). */
export async function markInboxEventFailed(
  db: CommonQueryMethods,
  consumer: string,
  eventId: string,
): Promise<void> {
  await db.query(sql.type(z.object({}))`
    UPDATE inbox SET failed_at = now()
    WHERE consumer = ${consumer}::text AND event_id = ${eventId}::uuid`);
}

const staleRow = orderEventSchema.extend({ consumer: z.string() });
export interface StaleInboxEvent {
  consumer: string;
  event: OrderEvent;
}

/**
 * Events handed to a consumer longer than `olderThanMs` ago and still not applied, with their
 * send time renewed (so each is looked at once per period). Dead letters are left alone.
 */
export async function claimStaleInboxEvents(
  db: CommonQueryMethods,
  olderThanMs: number,
  limit: number,
): Promise<StaleInboxEvent[]> {
  const rows = await db.any(sql.prepared('claim_stale_inbox_events', staleRow)`
    WITH stale AS (
      SELECT consumer, event_id FROM inbox
      WHERE failed_at IS NULL AND sent_at < now() - ${olderThanMs}::float8 * interval '1 millisecond'
      ORDER BY sent_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), renewed AS (
      UPDATE inbox i SET sent_at = now()
      FROM stale s WHERE i.consumer = s.consumer AND i.event_id = s.event_id
      RETURNING i.consumer, i.event_id
    )
    SELECT r.consumer, ${eventColumns}
    FROM renewed r JOIN outbox o ON o.id = r.event_id`);
  return rows.map(({ consumer, ...event }) => ({ consumer, event }));
}
