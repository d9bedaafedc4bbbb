import { isEventProcessed, recordProcessedEvent } from '../../db/inbox.js';
import { confirmPendingOrder } from '../../db/orders.js';
import { insertOutboxEvent } from '../../db/outbox.js';
import { orderEvent } from '../orders/outbox-event.js';
import type { ConsumerInput, WorkflowDeps } from './deps.js';

export type ConfirmOrderOutcome = 'confirmed' | 'not-pending' | 'duplicate';

/**
 * On order.created: run the side effects, then move the order pending → confirmed and announce
 * it, exactly once per event however often the event is delivered.
 */
export async function confirmOrder(
  deps: WorkflowDeps,
  { consumer, event }: ConsumerInput,
): Promise<ConfirmOrderOutcome> {
  // Cheap early exit so a redelivered event does not call the webhook again.
  if (await isEventProcessed(deps.db, consumer, event.id)) return 'duplicate';
  await deps.deliver(event);

  return deps.db.transaction(async (tx) => {
    // The inbox row and the transition commit together: a concurrent delivery waits here.
    if (!(await recordProcessedEvent(tx, consumer, event.id))) return 'duplicate';
    const order = await confirmPendingOrder(tx, event.aggregateId);
    if (!order) return 'not-pending';
    // The confirmation continues the trace of the request that created the order.
    const trace = { traceparent: event.traceparent, tracestate: event.tracestate };
    await insertOutboxEvent(tx, orderEvent('order.confirmed', order, trace));
    return 'confirmed';
  });
}
