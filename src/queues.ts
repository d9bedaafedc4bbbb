import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Config } from './config.js';
import type { OrderEventType, OutboxEvent } from './domain/orders/events.js';
import type { WorkflowDeps } from './domain/workflow/deps.js';

/**
 * Every job type, by name: its queue and its payload. A new job type adds an event schema,
 * a line here, and a file in jobs/.
 */
export const queueNames = {
  'order.created': 'order-created',
  'order.confirmed': 'order-confirmed',
  'order.cancelled': 'order-cancelled',
} as const satisfies Record<OrderEventType, string>;

export type JobName = keyof typeof queueNames;
export const jobNames = Object.keys(queueNames) as JobName[];

/** The outbox row itself, trace context included, so the consumer continues the request's trace. */
export type JobPayloads = { [Name in JobName]: OutboxEvent & { eventType: Name } };

export type Queues = Record<JobName, Queue<OutboxEvent, unknown, JobName>>;

/** BullMQ job ids may not be all digits nor contain ':'. */
export function jobIdFor(eventId: string): string {
  return `evt-${eventId}`;
}

/** BullMQ keys live under the service's Redis namespace: `<REDIS_KEY_PREFIX>bull:<queue>:…`. */
export function queuePrefix(config: Pick<Config, 'REDIS_KEY_PREFIX'>): string {
  return `${config.REDIS_KEY_PREFIX}bull`;
}

export const webhookBackoffType = 'exponential-jitter';

export function jobOptions(config: Pick<Config, 'WEBHOOK_ATTEMPTS'>): JobsOptions {
  return {
    attempts: config.WEBHOOK_ATTEMPTS,
    backoff: { type: webhookBackoffType },
    // Completed jobs are kept a day: their ids dedupe a relay that re-sends after a crash.
    removeOnComplete: { age: 24 * 60 * 60, count: 100_000 },
    // Failed jobs stay until an operator looks at them in Bull Board.
    removeOnFail: false,
  };
}

export function createQueues(
  connection: ConnectionOptions,
  config: Pick<Config, 'REDIS_KEY_PREFIX'>,
): Queues {
  const entries = jobNames.map((name) => [
    name,
    new Queue(queueNames[name], { connection, prefix: queuePrefix(config) }),
  ]);
  return Object.fromEntries(entries) as Queues;
}

/** A consumer: applies one event and names what happened (counted and logged by the caller). */
export type JobHandler<Name extends JobName> = (
  deps: WorkflowDeps,
  event: JobPayloads[Name],
) => Promise<string>;
