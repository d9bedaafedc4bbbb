import { isEventProcessed, recordProcessedEvent } from '../../db/inbox.js';
import type { ConsumerInput, WorkflowDeps } from './deps.js';

export type NotifyOutcome = 'notified' | 'duplicate';

/** Events whose only effect is the notification (order.confirmed, order.cancelled). */
export async function notifyOrderEvent(
  deps: WorkflowDeps,
  { consumer, event }: ConsumerInput,
): Promise<NotifyOutcome> {
  if (await isEventProcessed(deps.db, consumer, event.id)) return 'duplicate';
  await deps.deliver(event);
  return (await recordProcessedEvent(deps.db, consumer, event.id)) ? 'notified' : 'duplicate';
}
