import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { claimStaleInboxEvents, markInboxEventFailed } from '../db/inbox.js';
import { adoptRetiredFanOuts, claimStaleDeliveries } from '../db/webhook-deliveries.js';
import type { WorkerMetrics } from '../metrics.js';
import {
  consumers,
  deliveryJob,
  deliveryJobIdFor,
  eventJob,
  jobIdFor,
  jobOptions,
  webhookQueueName,
  type ConsumerName,
  type Queues,
  type WebhookQueue,
} from '../queues.js';
import { startPublishSpan } from './trace.js';

export interface ReconcilerDeps {
  config: Config;
  db: DatabasePool;
  queues: Queues;
  webhookQueue: WebhookQueue;
  log: Logger;
  metrics: WorkerMetrics;
}

const claimLimit = 1_000;

/**
 * Postgres, not Redis, says whether an event reached its consumer: an inbox row still there
 * RECONCILE_AFTER_MS after it was sent means the job is slow, retrying, failed — or lost (Redis
 * restarted empty, a relay killed before it enqueued). Each pass looks at such rows once per
 * period: a job that still exists is left alone (the same job id dedupes), a failed one becomes
 * a dead letter, a missing one is sent again.
 */
export function startReconciler(deps: ReconcilerDeps): { stop: () => Promise<void> } {
  const { config, log } = deps;
  let running: Promise<void> | undefined;
  let failing = false;

  /** Returns how many events it looked at. */
  const pass = async () => {
    // Before the inbox claim below, which would renew these rows and leave them to no one.
    const adopted = await adoptRetiredFanOuts(deps.db, config.RECONCILE_AFTER_MS);
    if (adopted > 0) log.warn({ events: adopted }, 'took over fan-outs left by an older worker');
    const stale = await claimStaleInboxEvents(deps.db, config.RECONCILE_AFTER_MS, claimLimit);
    const options = jobOptions(config);
    for (const { consumer, event } of stale) {
      if (!(consumer in consumers)) continue;
      const queue = deps.queues[consumer as ConsumerName];
      const state = await queue.getJobState(jobIdFor(event.id));
      if (state === 'failed') {
        await markInboxEventFailed(deps.db, consumer, event.id);
        continue;
      }
      if (state !== 'unknown') continue;
      const { span, metadata } = startPublishSpan(event, consumer);
      const { name, data, opts } = eventJob(event, options, metadata);
      await queue.add(name, data, opts).finally(() => span.end());
      deps.metrics.eventsResent.inc({ consumer });
      log.warn(
        { consumer, eventId: event.id, orderId: event.orderId },
        'job was missing; sent again',
      );
    }
    return stale.length + adopted + (await resendLostDeliveries());
  };

  /** Webhook deliveries still pending whose job Redis no longer has are sent again. */
  const resendLostDeliveries = async () => {
    const stale = await claimStaleDeliveries(deps.db, config.RECONCILE_AFTER_MS, claimLimit);
    const options = jobOptions(config);
    for (const { id, event } of stale) {
      const jobId = deliveryJobIdFor(id);
      if ((await deps.webhookQueue.getJobState(jobId)) !== 'unknown') continue;
      const { span, metadata } = startPublishSpan(event, webhookQueueName);
      const { name, data, opts } = deliveryJob(id, options, metadata);
      await deps.webhookQueue.add(name, data, opts).finally(() => span.end());
      deps.metrics.eventsResent.inc({ consumer: webhookQueueName });
      log.warn(
        { deliveryId: id, eventId: event.id },
        'webhook delivery job was missing; sent again',
      );
    }
    return stale.length;
  };

  const timer = setInterval(() => {
    running ??= pass()
      .then((checked) => {
        // A pass with nothing to check proves nothing about Redis.
        if (checked === 0) return;
        if (failing) log.info('reconciliation recovered');
        failing = false;
      })
      .catch((error: unknown) => {
        // One line per outage, not one per pass.
        if (!failing) log.warn({ err: error }, 'reconciliation failing; retrying every pass');
        failing = true;
      })
      .finally(() => {
        running = undefined;
      });
  }, config.RECONCILE_INTERVAL_MS).unref();

  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
