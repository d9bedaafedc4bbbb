import { context } from '@opentelemetry/api';
import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { outboxEventSchema, type OutboxEvent } from '../domain/orders/events.js';
import type { WorkflowDeps } from '../domain/workflow/deps.js';
import type { WorkerMetrics } from '../metrics.js';
import { jobHandlers } from './jobs/index.js';
import { jobNames, queueNames, queuePrefix, type JobName, type JobPayloads } from '../queues.js';
import { contextFromTraceparent, inConsumerSpan } from './trace.js';
import { exponentialJitterBackoff } from './webhook.js';

export interface ConsumerDeps {
  config: Config;
  /** Needs `maxRetriesPerRequest: null`; each worker duplicates it for its blocking reads. */
  connection: ConnectionOptions;
  workflow: WorkflowDeps;
  log: Logger;
  metrics: WorkerMetrics;
}

/** One BullMQ worker per job type, each running its handler from jobs/. */
export function startConsumers(deps: ConsumerDeps): Worker[] {
  const { config, log } = deps;
  return jobNames.map((name) => {
    const worker = new Worker(queueNames[name], (job: Job) => runJob(deps, name, job), {
      connection: deps.connection,
      prefix: queuePrefix(config),
      concurrency: config.WORKER_CONCURRENCY,
      settings: {
        backoffStrategy: exponentialJitterBackoff(
          config.WEBHOOK_BACKOFF_MS,
          config.WEBHOOK_BACKOFF_MAX_MS,
        ),
      },
    });
    worker.on('failed', (job, error) => {
      deps.metrics.jobFailures.inc({ job_type: name });
      // BullMQ sets finishedOn only when it gives up (no attempts left, or unrecoverable).
      const final = Boolean(job?.finishedOn);
      // In the order's trace, so the line carries its trace id.
      const stored = { traceparent: job?.data?.traceparent ?? null, tracestate: null };
      context.with(contextFromTraceparent(stored), () =>
        log[final ? 'error' : 'warn'](
          { err: error, job: name, jobId: job?.id, attemptsMade: job?.attemptsMade },
          final ? 'job failed for good; kept in Bull Board' : 'job failed; will retry',
        ),
      );
    });
    // Connection errors are reported by the Redis client's own state log.
    worker.on('error', (error) => log.debug({ err: error, job: name }, 'worker error'));
    return worker;
  });
}

async function runJob(deps: ConsumerDeps, name: JobName, job: Job): Promise<string> {
  const parsed = outboxEventSchema.safeParse(job.data);
  if (!parsed.success || parsed.data.eventType !== name) {
    throw new UnrecoverableError('job data does not match the event contract');
  }
  const event = parsed.data as JobPayloads[typeof name];
  const attributes = {
    'messaging.system': 'bullmq',
    'messaging.operation.type': 'process',
    'messaging.destination.name': queueNames[name],
    'messaging.message.id': job.id ?? '',
    'order.id': event.aggregateId,
  };
  return inConsumerSpan(`process ${queueNames[name]}`, event, attributes, async () => {
    // First attempts only: a retry's wait is backoff, not pipeline lag.
    if (job.attemptsMade === 0) {
      deps.metrics.consumeLag.observe({ job_type: name }, secondsSince(event.createdAt));
    }
    const log = deps.log.child({
      job: name,
      jobId: job.id,
      eventId: event.id,
      orderId: event.aggregateId,
      attempt: job.attemptsMade + 1,
    });
    const handler = jobHandlers[name] as (
      workflow: WorkflowDeps,
      payload: typeof event,
    ) => Promise<string>;
    const endTimer = deps.metrics.jobDuration.startTimer({ job_type: name });
    const outcome = await handler(deps.workflow, event).catch((error: unknown) => {
      endTimer({ outcome: 'failed' });
      throw error;
    });
    endTimer({ outcome });
    recordJobOutcome(deps.metrics, log, event, outcome);
    return outcome;
  });
}

/**
 * Business counters, counted from committed facts: only outcomes where this consumer's inbox
 * row was inserted, so a redelivered event ('duplicate') is never counted twice.
 */
function recordJobOutcome(
  metrics: WorkerMetrics,
  log: Logger,
  event: OutboxEvent,
  outcome: string,
): void {
  log.info({ job: event.eventType, outcome }, 'job processed');
  const { order } = event.payload;
  const applied = outcome === 'confirmed' || outcome === 'not-pending';
  if (event.eventType === 'order.created' && applied) {
    metrics.ordersCreated.inc();
    metrics.orderValue.inc({ currency: order.currency }, order.totalCents);
    if (outcome === 'confirmed') metrics.ordersConfirmed.inc();
  } else if (event.eventType === 'order.cancelled' && outcome === 'notified') {
    metrics.ordersCancelled.inc();
  }
}

/** Seconds since an ISO timestamp written by Postgres; never negative under clock skew. */
function secondsSince(iso: string): number {
  return Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
}
