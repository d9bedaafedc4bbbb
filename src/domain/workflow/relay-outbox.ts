import type { DatabasePool } from 'slonik';
import { claimUnpublishedOutbox, markOutboxPublished } from '../../db/outbox-relay.js';
import { outboxEventSchema, type OutboxEvent } from '../orders/events.js';

export interface RelayOutboxDeps {
  db: DatabasePool;
  /** Hands events to the queue; must be idempotent per event id (jobs are keyed by it). */
  enqueue: (events: OutboxEvent[]) => Promise<void>;
}

export interface RelayBatchResult {
  /** Rows claimed, published or not: a full batch means more may be waiting. */
  claimed: number;
  published: number;
  /** Rows that break the event contract: left unpublished for an operator to look at. */
  invalidIds: string[];
}

/**
 * One relay step: claim → enqueue → mark, in one transaction. If the process dies after
 * enqueueing, the rows stay unpublished and go out again; jobs dedupe on the event id.
 */
export async function relayOutboxBatch(
  deps: RelayOutboxDeps,
  input: { batchSize: number },
): Promise<RelayBatchResult> {
  // No retries: the callback enqueues, and a rerun would only enqueue again.
  return deps.db.transaction(async (tx) => {
    const rows = await claimUnpublishedOutbox(tx, input.batchSize);
    const events: OutboxEvent[] = [];
    const invalidIds: string[] = [];
    for (const row of rows) {
      const parsed = outboxEventSchema.safeParse(row);
      if (parsed.success) events.push(parsed.data);
      else invalidIds.push(row.id);
    }
    if (events.length > 0) {
      await deps.enqueue(events);
      await markOutboxPublished(
        tx,
        events.map((event) => event.id),
      );
    }
    return { claimed: rows.length, published: events.length, invalidIds };
  }, 0);
}
