import { createWebhookDeliveries } from '../../db/webhook-deliveries.js';
import type { OrderEvent } from '../../domain/orders/events.js';
import { deliveryJobIdFor, jobOptions, webhookQueueName } from '../../queues.js';
import { createBatcher } from '../batcher.js';
import { startPublishSpan } from '../trace.js';
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
 * Every order event: one delivery per enabled endpoint subscribed to its type, each sent by its
 * own job (src/workers/webhook-sender.ts) so a slow or dead receiver holds up only itself. A
 * batch of events is fanned out by one statement and one bulk enqueue; deliveries whose enqueue
 * is lost stay pending and the reconciler sends them.
 */
export function deliverWebhook(deps: JobDeps): JobHandler {
  const options = jobOptions(deps.config);
  const fanOut = createBatcher(
    deps,
    'fan out webhook deliveries',
    async (events: readonly OrderEvent[]) => {
      const created = new Map(
        (
          await createWebhookDeliveries(
            deps.db,
            'deliver-webhook',
            events.map((event) => event.id),
          )
        ).map((row) => [row.eventId, row.deliveryIds]),
      );
      const sends = events.flatMap((event) =>
        (created.get(event.id) ?? []).map((deliveryId) => ({
          deliveryId,
          ...startPublishSpan(event, webhookQueueName),
        })),
      );
      try {
        if (sends.length > 0) {
          await deps.webhookQueue.addBulk(
            sends.map(({ deliveryId, metadata }) => ({
              name: 'delivery',
              data: { deliveryId },
              opts: { ...options, jobId: deliveryJobIdFor(deliveryId), telemetry: { metadata } },
            })),
          );
        }
      } finally {
        for (const { span } of sends) span.end();
      }
      return events.map((event) => {
        const deliveries = created.get(event.id);
        if (deliveries === undefined) return 'duplicate';
        return deliveries.length > 0 ? 'fanned-out' : 'no-endpoints';
      });
    },
  );
  return (event) => fanOut(event);
}
