import { createHash } from 'node:crypto';
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import {
  findDeliveriesToSend,
  recordDeliveryAttempts,
  type DeliveryAttempt,
  type DeliveryToSend,
} from '../db/webhook-deliveries.js';
import type { OrderEvent } from '../domain/orders/events.js';
import { guardsDestinations, refusedDestination } from '../domain/webhooks/destination.js';
import type { WorkerMetrics } from '../metrics.js';
import { queuePrefix, webhookQueueName, type SendWebhookJob } from '../queues.js';
import { createBatcher } from './batcher.js';
import { postSigned, type PostResult } from './signed-post.js';

export interface WebhookSenderDeps {
  config: Config;
  db: DatabasePool;
  /** Needs `maxRetriesPerRequest: null`. */
  connection: ConnectionOptions;
  log: Logger;
  metrics: WorkerMetrics;
}

/** The body of a webhook: the event, as the contract (docs/API.md) describes it. */
function webhookBody(event: OrderEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: event.createdAt,
    data: { order: event.payload.order },
  });
}

/**
 * Retry delay of a delivery's attempt: exponential with jitter, like the other jobs, but the
 * jitter comes from the job id so the delivery log can say when the next attempt is due.
 */
export function deliveryBackoff(config: Config, attemptsMade: number, jobId: string): number {
  const ceiling = Math.min(
    config.WEBHOOK_BACKOFF_MAX_MS,
    config.WEBHOOK_BACKOFF_MS * 2 ** Math.max(0, attemptsMade - 1),
  );
  const jitter = createHash('sha256').update(`${jobId}:${attemptsMade}`).digest().readUInt16BE(0);
  return Math.round(ceiling / 2 + ((ceiling / 2) * jitter) / 0xffff);
}

/**
 * The worker that sends webhook deliveries, one job per (event, endpoint). Deliveries are read
 * and recorded in batches; the endpoint is read at send time, so a rotated secret or a changed
 * URL applies to the next attempt. One endpoint sends on at most a quarter of the slots (and
 * queues for them on another quarter): a receiver that hangs until the timeout delays its own
 * deliveries, not everyone's.
 */
export function startWebhookSender(deps: WebhookSenderDeps): Worker {
  const { config, metrics, log } = deps;
  const load = createBatcher(deps, 'load webhook deliveries', async (ids: readonly string[]) => {
    const found = new Map((await findDeliveriesToSend(deps.db, ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
  const record = createBatcher(
    deps,
    'record webhook attempts',
    async (attempts: readonly DeliveryAttempt[]) => {
      await recordDeliveryAttempts(deps.db, attempts);
      return attempts.map(() => undefined);
    },
  );
  const slotsPerEndpoint = Math.max(1, Math.floor(config.WORKER_CONCURRENCY / 4));
  const endpointSlots = createEndpointSlots(slotsPerEndpoint);

  const send = async (job: Job<SendWebhookJob>, token?: string): Promise<string> => {
    const delivery = await load(job.data.deliveryId);
    // Deleted with its endpoint, or delivered by an earlier run of this job.
    if (delivery === null) return 'gone';
    if (delivery.status === 'succeeded') return 'duplicate';
    const attempt = (fields: Omit<DeliveryAttempt, 'id'>) => record({ id: delivery.id, ...fields });
    if (!delivery.enabled) {
      await attempt({
        status: 'failed',
        statusCode: null,
        error: 'endpoint disabled',
        nextAttemptAt: null,
      });
      return 'disabled';
    }
    // Without a job token the delivery cannot be delayed: it goes even past the endpoint's share.
    if (!(await endpointSlots.take(delivery.endpointId, token !== undefined))) {
      // Not an attempt: the job waits a moment and its slot goes to another endpoint's delivery.
      await job.moveToDelayed(Date.now() + 100 + Math.random() * 400, token);
      throw new DelayedError();
    }
    try {
      return await attemptDelivery(job, delivery, attempt);
    } finally {
      endpointSlots.release(delivery.endpointId);
    }
  };

  const attemptDelivery = async (
    job: Job<SendWebhookJob>,
    delivery: DeliveryToSend,
    attempt: (fields: Omit<DeliveryAttempt, 'id'>) => Promise<void>,
  ): Promise<string> => {
    const endpoint = delivery.endpointId;
    const refused = guardsDestinations(config) ? await refusedDestination(delivery.url) : null;
    if (refused !== null) {
      metrics.endpointAttempts.inc({ endpoint, outcome: 'refused' });
      await attempt({ status: 'failed', statusCode: null, error: refused, nextAttemptAt: null });
      throw new UnrecoverableError(refused);
    }
    let answered: PostResult | undefined;
    try {
      await postSigned(
        {
          url: delivery.url,
          secret: delivery.secret,
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          messageId: delivery.event.id,
          body: webhookBody(delivery.event),
        },
        (result) => {
          answered = result;
          metrics.webhookAttempts.inc({ outcome: result.outcome });
          metrics.webhookDuration.observe({ outcome: result.outcome }, result.seconds);
          metrics.endpointAttempts.inc({ endpoint, outcome: result.outcome });
          metrics.endpointDuration.observe({ endpoint }, result.seconds);
        },
      );
    } catch (error) {
      const attemptsMade = job.attemptsMade + 1;
      const final = error instanceof UnrecoverableError || attemptsMade >= (job.opts.attempts ?? 1);
      const delay = deliveryBackoff(config, attemptsMade, job.id ?? '');
      await attempt({
        status: final ? 'failed' : 'pending',
        statusCode: answered?.status || null,
        error: (error as Error).message,
        nextAttemptAt: final ? null : new Date(Date.now() + delay).toISOString(),
      });
      throw error;
    }
    await attempt({
      status: 'succeeded',
      statusCode: answered?.status ?? null,
      error: null,
      nextAttemptAt: null,
    });
    return 'delivered';
  };

  const worker = new Worker<SendWebhookJob>(webhookQueueName, send, {
    connection: deps.connection,
    prefix: queuePrefix(config),
    concurrency: config.WORKER_CONCURRENCY,
    lockDuration: config.WORKER_LOCK_MS,
    stalledInterval: config.WORKER_LOCK_MS,
    telemetry: new BullMQOtel({ tracerName: 'orders-worker' }),
    settings: {
      backoffStrategy: (attemptsMade: number, _type, _error, job) =>
        deliveryBackoff(config, attemptsMade, job?.id ?? ''),
    },
  });
  worker.on('completed', (job, outcome) =>
    log.info({ job: webhookQueueName, jobId: job.id, outcome }, 'job processed'),
  );
  worker.on('failed', (job, error) => {
    metrics.jobFailures.inc({ job_type: webhookQueueName });
    const fields = {
      job: webhookQueueName,
      jobId: job?.id,
      attemptsMade: job?.attemptsMade,
      reason: error.message,
    };
    if (job?.finishedOn)
      log.error(
        fields,
        'webhook delivery failed for good; retry it from the delivery log or Bull Board',
      );
    else log.warn(fields, 'webhook delivery failed; will retry');
  });
  worker.on('error', (error) => log.debug({ err: error, job: webhookQueueName }, 'worker error'));
  return worker;
}

/**
 * Per-endpoint slots: a delivery takes a free one, or queues for the next one its endpoint frees
 * while fewer than `slots` deliveries queue, so a burst to a healthy endpoint waits milliseconds
 * in process instead of bouncing through the delayed set. An endpoint thus holds at most
 * 2 × `slots` worker slots; past that a refusable `take` answers false and holds nothing.
 */
function createEndpointSlots(slots: number) {
  const endpoints = new Map<string, { busy: number; queued: (() => void)[] }>();
  return {
    take: async (endpointId: string, refusable: boolean): Promise<boolean> => {
      const endpoint = endpoints.get(endpointId) ?? { busy: 0, queued: [] };
      endpoints.set(endpointId, endpoint);
      if (endpoint.busy >= slots && endpoint.queued.length < slots) {
        // release() hands its slot straight over: `busy` stays as it is.
        await new Promise<void>((resolve) => endpoint.queued.push(resolve));
        return true;
      }
      if (endpoint.busy >= slots && refusable) return false;
      endpoint.busy += 1;
      return true;
    },
    release: (endpointId: string): void => {
      const endpoint = endpoints.get(endpointId);
      if (!endpoint) return;
      const next = endpoint.queued.shift();
      if (next) return next();
      endpoint.busy -= 1;
      if (endpoint.busy === 0) endpoints.delete(endpointId);
    },
  };
}
