import { takeInboxEvents } from '../../db/inbox.js';
import type { OrderEvent } from '../../domain/orders/events.js';
import { createBatcher } from '../batcher.js';
import { postSigned } from '../signed-post.js';
import type { JobDeps, JobHandler } from './index.js';

/** The body of a webhook: the event, as the contract describes it. */
export function webhookBody(event: OrderEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.createdAt,
    data: { order: event.payload.order },
  });
}

/**
 * Every order event: POSTed, signed, to WEBHOOK_URL with the event id as `webhook-id`; a 2xx
 * within WEBHOOK_TIMEOUT_MS is a delivery, anything else is retried with backoff. Deliveries
 * are recorded in batches.
 */
export function deliverWebhook(deps: JobDeps): JobHandler {
  const { config, metrics } = deps;
  const record = createBatcher(
    deps,
    'record webhook deliveries',
    async (ids: readonly string[]) => {
      const taken = new Set(await takeInboxEvents(deps.db, 'deliver-webhook', ids));
      return ids.map((id) => (taken.has(id) ? 'delivered' : 'duplicate'));
    },
  );
  return async (event) => {
    await postSigned(
      {
        url: config.WEBHOOK_URL ?? '',
        secret: config.WEBHOOK_SECRET ?? '',
        timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        messageId: event.id,
        body: webhookBody(event),
      },
      ({ outcome, seconds }) => {
        metrics.webhookAttempts.inc({ outcome });
        metrics.webhookDuration.observe({ outcome }, seconds);
      },
    );
    return record(event.id);
  };
}
