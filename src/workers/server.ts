import closeWithGrace from 'close-with-grace';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import { createDatabasePool } from '../db/pool.js';
import type { OutboxEvent } from '../domain/orders/events.js';
import { loggerOptions } from '../logger.js';
import { stopTelemetry } from '../telemetry.js';
import { createWorkerMetrics, type WebhookOutcome } from '../metrics.js';
import { startConsumers } from './consumers.js';
import { buildWorkerHttp } from './http.js';
import { createQueues } from '../queues.js';
import { startRelay } from './relay.js';
import { deliverWebhook } from './webhook.js';

export interface WorkerProcess {
  http: ReturnType<typeof buildWorkerHttp>;
  log: Logger;
  /** Undoes start-up in reverse order, within SHUTDOWN_TIMEOUT_MS. */
  close: (reason?: { signal?: string; err?: Error }) => Promise<void>;
}

export interface CreateWorkerOptions {
  /** Where log lines go (default stdout); tests pass a stream to read them. */
  logStream?: DestinationStream;
}

/** Wires the relay, the consumers and the ops HTTP app; does not listen (tests use it as is). */
export async function createWorker(
  config: Config,
  options: CreateWorkerOptions = {},
): Promise<WorkerProcess> {
  const log = options.logStream
    ? pino(loggerOptions(config, 'worker'), options.logStream)
    : pino(loggerOptions(config, 'worker'));
  const db = await createDatabasePool({
    url: config.DATABASE_URL,
    maximumPoolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  // Consumers wait out a Redis outage; the relay's enqueue fails fast and backs off instead.
  const consumerRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const relayRedis = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: false,
  });
  logRedisState(relayRedis, log);
  // Outages are logged once, from the relay's client; this one would only repeat them.
  consumerRedis.on('error', () => {});

  const webhook =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? {
          url: config.WEBHOOK_URL,
          secret: config.WEBHOOK_SECRET,
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
        }
      : undefined;
  const queues = createQueues(relayRedis, config);
  for (const queue of Object.values(queues)) {
    queue.on('error', (error) => log.debug({ err: error }, 'queue error'));
  }
  // Queue counts read through the relay's client: it fails fast while Redis is down.
  const metrics = createWorkerMetrics(db, { queues: Object.values(queues), log });
  const observeWebhook = (outcome: WebhookOutcome, seconds: number) => {
    metrics.webhookAttempts.inc({ outcome });
    metrics.webhookDuration.observe({ outcome }, seconds);
  };
  const deliver = async (event: OutboxEvent) => {
    if (webhook) await deliverWebhook(webhook, event, observeWebhook);
  };
  const workers = startConsumers({
    config,
    connection: consumerRedis,
    workflow: { db, deliver },
    log,
    metrics,
  });
  const relay = startRelay({ config, db, queues, log, metrics });
  const readiness = { draining: false };
  const http = buildWorkerHttp({
    db,
    redis: relayRedis,
    log,
    readiness,
    registry: metrics.registry,
  });
  log.info(
    {
      webhook: webhook ? new URL(webhook.url).origin : null,
      concurrency: config.WORKER_CONCURRENCY,
    },
    'worker started',
  );

  const close: WorkerProcess['close'] = async ({ signal, err } = {}) => {
    if (err) log.error({ err }, 'shutting down after a fatal error');
    log.info({ signal }, 'shutting down: finishing active jobs');
    readiness.draining = true;
    // Leave room within SHUTDOWN_TIMEOUT_MS for the steps after the workers.
    const workersDeadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS * 0.8;
    await relay.stop();
    await closeWorkers(workers, Math.max(0, workersDeadline - Date.now()), log);
    await settleWithin(Promise.all(Object.values(queues).map((queue) => queue.close())), 1_000);
    consumerRedis.disconnect();
    relayRedis.disconnect();
    await db.end();
    await http.close();
    log.info('shutdown complete');
    // Last: the spans of the shutdown itself are exported too.
    await stopTelemetry();
  };
  return { http, log, close };
}

/** Process entry (`npm run start:worker`): listens, and shuts down on SIGTERM/SIGINT. */
export async function startWorker(config: Config): Promise<WorkerProcess> {
  const worker = await createWorker(config);
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: worker.log }, worker.close);
  await worker.http.listen({ host: config.HOST, port: config.WORKER_PORT });
  return worker;
}

/** Lets active jobs finish; past the deadline (or with Redis gone) it stops waiting for them. */
async function closeWorkers(workers: Worker[], deadlineMs: number, log: Logger): Promise<void> {
  const closed = await settleWithin(
    Promise.all(workers.map((worker) => worker.close())),
    deadlineMs,
  );
  if (closed) return;
  log.warn({ deadlineMs }, 'active jobs did not finish in time; they will be retried as stalled');
  await settleWithin(Promise.all(workers.map((worker) => worker.close(true))), 1_000);
}

/** True if `work` settled within `ms`; never throws (shutdown goes on regardless). */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = work.then(
    () => true,
    () => true,
  );
  const result = await Promise.race([settled, timeout]);
  clearTimeout(timer);
  return result;
}

/** One line when Redis goes away and one when it is back, not one per reconnect attempt. */
function logRedisState(redis: Redis, log: Logger): void {
  let down = false;
  redis.on('error', (error) => {
    if (down) return;
    down = true;
    log.warn({ err: error }, 'redis unavailable; jobs wait and the outbox keeps them');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('redis available again');
  });
}
