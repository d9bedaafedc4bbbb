import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { outboxEventSchema } from '../domain/orders/events.js';
import type { WorkflowDeps } from '../domain/workflow/deps.js';
import { jobHandlers } from './jobs/index.js';
import { jobNames, queueNames, queuePrefix, type JobName, type JobPayloads } from './queues.js';
import { inConsumerSpan } from './trace.js';
import { exponentialJitterBackoff } from './webhook.js';

export interface ConsumerDeps {
  config: Config;
  /** Needs `maxRetriesPerRequest: null`; each worker duplicates it for its blocking reads. */
  connection: ConnectionOptions;
  workflow: WorkflowDeps;
  log: Logger;
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
      // BullMQ sets finishedOn only when it gives up (no attempts left, or unrecoverable).
      const final = Boolean(job?.finishedOn);
      log[final ? 'error' : 'warn'](
        { err: error, job: name, jobId: job?.id, attemptsMade: job?.attemptsMade },
        final ? 'job failed for good; kept in Bull Board' : 'job failed; will retry',
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
    'messaging.destination.name': queueNames[name],
    'messaging.message.id': job.id ?? '',
    'order.id': event.aggregateId,
  };
  return inConsumerSpan(`${name} process`, event.traceparent, attributes, async (span) => {
    const { traceId, spanId } = span.spanContext();
    const log = deps.log.child({
      job: name,
      jobId: job.id,
      eventId: event.id,
      orderId: event.aggregateId,
      attempt: job.attemptsMade + 1,
      ...(event.traceparent ? { traceId, spanId } : {}),
    });
    const handler = jobHandlers[name] as (
      workflow: WorkflowDeps,
      payload: typeof event,
    ) => Promise<string>;
    const outcome = await handler(deps.workflow, event);
    recordJobOutcome(log, name, outcome);
    return outcome;
  });
}

/** Where business metrics (orders confirmed, notifications sent) will be counted. */
function recordJobOutcome(log: Logger, name: JobName, outcome: string): void {
  log.info({ job: name, outcome }, 'job processed');
}
