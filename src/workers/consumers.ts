import { UnrecoverableError, Worker, type ConnectionOptions, type Job } from 'bullmq';
import { BullMQOtel } from 'bullmq-otel';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { markInboxEventFailed } from '../db/inbox.js';
import { orderEventSchema } from '../domain/orders/events.js';
import type { WorkerMetrics } from '../metrics.js';
import { consumers, queuePrefix, type ConsumerName } from '../queues.js';
import { createJobHandlers, type JobDeps, type JobHandler } from './jobs/index.js';
import { exponentialJitterBackoff } from './signed-post.js';

export interface ConsumerDeps extends JobDeps {
  config: Config;
  /** Needs `maxRetriesPerRequest: null`; each worker duplicates it for its blocking reads. */
  connection: ConnectionOptions;
  log: Logger;
  metrics: WorkerMetrics;
}

/**
 * One BullMQ worker per enabled consumer, running its handler from jobs/. Each job's span
 * continues the trace its event carries (bullmq-otel reads the job's telemetry metadata).
 */
export function startConsumers(deps: ConsumerDeps): Worker[] {
  const { config, log } = deps;
  const handlers = createJobHandlers(deps);
  const telemetry = new BullMQOtel({ tracerName: 'orders-worker' });
  const names = (Object.keys(consumers) as ConsumerName[]).filter((name) =>
    consumers[name].enabled(config),
  );
  return names.map((name) => {
    const worker = new Worker(name, (job: Job) => runJob(deps, name, handlers[name], job), {
      connection: deps.connection,
      prefix: queuePrefix(config),
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: config.WORKER_LOCK_MS,
      stalledInterval: config.WORKER_LOCK_MS,
      telemetry,
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
      const eventId = (job?.data as { id?: unknown } | undefined)?.id;
      const fields = {
        job: name,
        jobId: job?.id,
        attemptsMade: job?.attemptsMade,
        reason: error.message,
      };
      if (!final) {
        log.warn(fields, 'job failed; will retry');
        return;
      }
      log.error(fields, 'job failed for good; kept in Bull Board as a dead letter');
      if (typeof eventId === 'string') {
        markInboxEventFailed(deps.db, name, eventId).catch((markError: unknown) =>
          log.warn({ err: markError }, 'could not record the dead letter; the reconciler will'),
        );
      }
    });
    // Connection errors are reported by the Redis client's own state log.
    worker.on('error', (error) => log.debug({ err: error, job: name }, 'worker error'));
    return worker;
  });
}

async function runJob(
  deps: ConsumerDeps,
  name: ConsumerName,
  handler: JobHandler,
  job: Job,
): Promise<string> {
  const parsed = orderEventSchema.safeParse(job.data);
  if (
    !parsed.success ||
    !(consumers[name].events as readonly string[]).includes(parsed.data.type)
  ) {
    throw new UnrecoverableError('job data does not match the event contract');
  }
  const event = parsed.data;
  // First attempts only: a retry's wait is backoff, not pipeline lag.
  if (job.attemptsMade === 0) {
    deps.metrics.consumeLag.observe(
      { job_type: name },
      Math.max(0, (Date.now() - Date.parse(event.createdAt)) / 1000),
    );
  }
  const endTimer = deps.metrics.jobDuration.startTimer({ job_type: name });
  try {
    const outcome = await handler(event);
    endTimer({ outcome });
    deps.log.info(
      { job: name, jobId: job.id, eventId: event.id, orderId: event.orderId, outcome },
      'job processed',
    );
    return outcome;
  } catch (error) {
    endTimer({ outcome: 'failed' });
    throw error;
  }
}
