import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from './config.js';
import type { Subscription } from './db/outbox.js';
import type { OrderEvent, OrderEventType } from './domain/orders/events.js';

/**
 * Every consumer of outbox events: the event types it takes. A consumer's name is its queue, its
 * inbox name and its file in src/workers/jobs/. When the relay publishes an event it hands it to
 * each consumer of its type (an inbox row each) and enqueues one job per consumer; the consumer
 * deletes its inbox row in the statement that applies its effect. A new job type adds an event
 * schema, a line here and a file in jobs/. Webhooks are no consumer: the relay creates an event's
 * deliveries itself and enqueues them on the send-webhook queue (src/workers/webhook-sender.ts).
 */
export const consumers = {
  'authorize-payment': {
    events: ['order.created'],
    enabled: (_config: Config) => true,
  },
} as const satisfies Record<
  string,
  { events: readonly OrderEventType[]; enabled: (config: Config) => boolean }
>;

export type ConsumerName = keyof typeof consumers;
export const consumerNames = Object.keys(consumers) as ConsumerName[];
export type ConsumerSubscription = Subscription & { consumer: ConsumerName };

/** The consumers this configuration runs, with the event types each takes. */
export function enabledSubscriptions(config: Config): ConsumerSubscription[] {
  return consumerNames
    .filter((consumer) => consumers[consumer].enabled(config))
    .flatMap((consumer) =>
      consumers[consumer].events.map((eventType) => ({ consumer, eventType })),
    );
}

/** A job's data is its event, trace context included. */
export type Queues = Record<ConsumerName, Queue<OrderEvent, unknown, OrderEventType>>;

/** BullMQ job ids may not be all digits nor contain ':'. */
export function jobIdFor(eventId: string): string {
  return `evt-${eventId}`;
}

/** An event's job for a consumer's queue; `traceMetadata` continues the event's trace. */
export function eventJob(event: OrderEvent, options: JobsOptions, traceMetadata: string) {
  return {
    name: event.type,
    data: event,
    opts: { ...options, jobId: jobIdFor(event.id), telemetry: { metadata: traceMetadata } },
  };
}

/**
 * BullMQ keys live under the service's Redis namespace, behind a Redis Cluster hash tag so all
 * keys of a queue share one slot: the default `{orders}:` gives `{orders}:bull:<queue>:…`; a
 * prefix without a tag gets one inside it (`tenant:` gives `tenant:{bull}:<queue>:…`).
 */
export function queuePrefix(config: Pick<Config, 'REDIS_KEY_PREFIX'>): string {
  const prefix = config.REDIS_KEY_PREFIX;
  return /\{[^{}]+\}/.test(prefix) ? `${prefix}bull` : `${prefix}{bull}`;
}

/** Channel on which writers of outbox events nudge idle relays (best effort; relays also poll). */
export function relayNudgeChannel(config: Pick<Config, 'REDIS_KEY_PREFIX'>): string {
  return `${config.REDIS_KEY_PREFIX}outbox-written`;
}

/**
 * Tells idle relays that events were committed: at most one PUBLISH per `everyMs`, since writers
 * commit far more often than a relay needs waking (under load it polls every few ms anyway).
 * Fire and forget: a lost nudge only costs one poll interval.
 */
export function relayNudger(
  redis: Pick<Redis, 'publish'>,
  config: Pick<Config, 'REDIS_KEY_PREFIX'>,
  everyMs = 10,
): () => void {
  const channel = relayNudgeChannel(config);
  let last = 0;
  return () => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    redis.publish(channel, '').catch(() => {});
  };
}

export const retryBackoffType = 'exponential-jitter';

export function jobOptions(config: Pick<Config, 'WEBHOOK_ATTEMPTS'>): JobsOptions {
  return {
    attempts: config.WEBHOOK_ATTEMPTS,
    backoff: { type: retryBackoffType },
    // Dedupes the reconciler's re-sends of jobs that finished a moment ago; the inbox decides.
    removeOnComplete: { age: 60 * 60, count: 10_000 },
    // Failed jobs stay until an operator looks at them in Bull Board.
    removeOnFail: false,
  };
}

/** One delivery of one event to one endpoint: its own job, with its own retries. */
export const webhookQueueName = 'send-webhook';
export interface SendWebhookJob {
  deliveryId: string;
}
export type WebhookQueue = Queue<SendWebhookJob, unknown, string>;

export function deliveryJobIdFor(deliveryId: string): string {
  return `dlv-${deliveryId}`;
}

/** A delivery's job; `traceMetadata` continues its event's trace (a resend from the log has none). */
export function deliveryJob(deliveryId: string, options: JobsOptions, traceMetadata?: string) {
  return {
    name: 'delivery',
    data: { deliveryId },
    opts: {
      ...options,
      jobId: deliveryJobIdFor(deliveryId),
      ...(traceMetadata === undefined ? {} : { telemetry: { metadata: traceMetadata } }),
    },
  };
}

export function createWebhookQueue(
  connection: ConnectionOptions,
  config: Pick<Config, 'REDIS_KEY_PREFIX'>,
): WebhookQueue {
  return new Queue(webhookQueueName, { connection, prefix: queuePrefix(config) });
}

/**
 * Sends a delivery's job again (a retry from the delivery log): the finished job under its id
 * is retried with fresh attempts, or a new one is added when Redis no longer has it.
 */
export async function resendDelivery(
  queue: WebhookQueue,
  deliveryId: string,
  config: Pick<Config, 'WEBHOOK_ATTEMPTS'>,
): Promise<void> {
  const jobId = deliveryJobIdFor(deliveryId);
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : 'unknown';
  if (job && (state === 'failed' || state === 'completed')) {
    await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
    return;
  }
  if (state === 'unknown') {
    const { name, data, opts } = deliveryJob(deliveryId, jobOptions(config));
    await queue.add(name, data, opts);
  }
}

export function createQueues(
  connection: ConnectionOptions,
  config: Pick<Config, 'REDIS_KEY_PREFIX'>,
): Queues {
  const entries = consumerNames.map((name) => [
    name,
    new Queue(name, { connection, prefix: queuePrefix(config) }),
  ]);
  return Object.fromEntries(entries) as Queues;
}
