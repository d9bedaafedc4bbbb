import type { Client } from 'pg';
import { sql, type CommonQueryMethods } from 'slonik';
import { noRows } from './prepared.js';
import { z } from 'zod';

/** An outbox row as stored; the relay checks it against the event contract. */
const outboxRow = z.object({
  id: z.uuid(),
  aggregateType: z.string(),
  aggregateId: z.uuid(),
  eventType: z.string(),
  payload: z.unknown(),
  traceparent: z.string().nullable(),
  tracestate: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxRow = z.infer<typeof outboxRow>;

/** Notified by the 004 trigger when an outbox insert commits. */
export const outboxChannel = 'outbox_inserted';

/**
 * Locks the oldest unpublished rows until the caller's transaction ends; concurrent relays
 * skip them and take the next ones instead of waiting.
 */
export function claimUnpublishedOutbox(
  tx: CommonQueryMethods,
  limit: number,
): Promise<readonly OutboxRow[]> {
  return tx.any(sql.prepared('claim_unpublished_outbox', outboxRow)`
    SELECT id, aggregate_type AS "aggregateType", aggregate_id AS "aggregateId",
           event_type AS "eventType", payload, traceparent, tracestate,
           created_at AS "createdAt"
    FROM outbox
    WHERE published_at IS NULL
    ORDER BY created_at, id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`);
}

export async function markOutboxPublished(
  tx: CommonQueryMethods,
  ids: readonly string[],
): Promise<void> {
  await tx.query(sql.prepared('mark_outbox_published', noRows)`
    UPDATE outbox SET published_at = now() WHERE id = ANY(${sql.array(ids, 'uuid')})`);
}

/** Deletes at most `limit` published rows older than the retention; returns how many went. */
export function deletePublishedOutbox(
  db: CommonQueryMethods,
  retentionHours: number,
  limit: number,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ deleted: z.number() }))`
    WITH expired AS (
      SELECT id FROM outbox
      WHERE published_at < now() - ${retentionHours} * interval '1 hour'
      LIMIT ${limit}
    ), deleted AS (
      DELETE FROM outbox WHERE id IN (SELECT id FROM expired) RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM deleted`);
}

/** Subscribes a dedicated connection (pooled ones are shared, so they cannot LISTEN). */
export async function listenForOutboxInserts(client: Client): Promise<void> {
  await client.query(`LISTEN ${outboxChannel}`);
}
