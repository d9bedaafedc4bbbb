import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

/** Inbox of applied events, keyed by (consumer, event id): what makes redelivery harmless. */

export async function isEventProcessed(
  db: CommonQueryMethods,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  return db.exists(sql.prepared('is_event_processed', z.object({ one: z.number() }))`
    SELECT 1 AS one FROM processed_events WHERE consumer = ${consumer} AND event_id = ${eventId}`);
}

/** Returns false when the event was already recorded (by an earlier or a concurrent delivery). */
export async function recordProcessedEvent(
  db: CommonQueryMethods,
  consumer: string,
  eventId: string,
): Promise<boolean> {
  const inserted = await db.maybeOne(sql.prepared(
    'record_processed_event',
    z.object({ eventId: z.uuid() }),
  )`
    INSERT INTO processed_events (consumer, event_id) VALUES (${consumer}, ${eventId})
    ON CONFLICT DO NOTHING
    RETURNING event_id AS "eventId"`);
  return inserted !== null;
}

export function deleteProcessedEvents(
  db: CommonQueryMethods,
  retentionHours: number,
  limit: number,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ deleted: z.number() }))`
    WITH expired AS (
      SELECT consumer, event_id FROM processed_events
      WHERE processed_at < now() - ${retentionHours} * interval '1 hour'
      LIMIT ${limit}
    ), deleted AS (
      DELETE FROM processed_events
      WHERE (consumer, event_id) IN (SELECT consumer, event_id FROM expired)
      RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM deleted`);
}
