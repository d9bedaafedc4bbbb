import closeWithGrace from 'close-with-grace';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from '../config.js';
import { createDatabasePool } from '../db/pool.js';
import { logDestination, loggerOptions } from '../logger.js';
import { createWorkerMetrics } from '../metrics.js';
import { syncBootstrapWebhookEndpoint } from '../db/webhook-endpoints.js';
import {
  createQueues,
  createWebhookQueue,
  enabledSubscriptions,
  relayNudgeChannel,
} from '../queues.js';
import { createRedis } from '../redis.js';
import { stopTelemetry } from '../telemetry.js';
import { settledWithin } from '../timeouts.js';
import { startConsumers } from './consumers.js';
import { startExpiry } from './expiry.js';
import { buildWorkerHttp } from './http.js';
import { startReconciler } from './reconciler.js';
import { startRelay } from './relay.js';
import { startRetention } from './retention.js';
import { startWebhookSender } from './webhook-sender.js';

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
  const logOptions = loggerOptions(config, 'worker');
  const log = pino(logOptions, options.logStream ?? logDestination(logOptions));
  const poolSettings = {
    url: config.DATABASE_URL,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  };
  const db = await createDatabasePool({
    ...poolSettings,
    maximumPoolSize: config.DATABASE_POOL_SIZE,
  });
  // The relay and the reconciler share one connection of their own, never waiting for the jobs'.
  const relayDb = await createDatabasePool({ ...poolSettings, maximumPoolSize: 1 });
  // Consumers wait out a Redis outage; the relay's enqueue fails fast and backs off instead.
  const consumerRedis = createRedis(config, { maxRetriesPerRequest: null });
  const relayRedis = createRedis(config, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: false,
  });
  const nudges = createRedis(config, { maxRetriesPerRequest: null });
  logRedisState(relayRedis, log);
  // Outages are logged once, from the relay's client; these would only repeat them.
  consumerRedis.on('error', () => {});
  nudges.on('error', () => {});

  const queues = createQueues(relayRedis, config);
  const webhookQueue = createWebhookQueue(relayRedis, config);
  for (const queue of [...Object.values(queues), webhookQueue]) {
    queue.on('error', (error) => log.debug({ err: error }, 'queue error'));
  }
  // Queue counts read through the relay's client: it fails fast while Redis is down.
  const metrics = createWorkerMetrics(db, {
    queues: [...Object.values(queues), webhookQueue],
    log,
  });
  await syncBootstrapWebhookEndpoint(
    db,
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET }
      : undefined,
  );
  const subscriptions = enabledSubscriptions(config);
  const relay = startRelay({
    config,
    db: relayDb,
    queues,
    webhookQueue,
    subscriptions,
    log,
    metrics,
  });
  nudges.on('message', () => relay.nudge());
  nudges.subscribe(relayNudgeChannel(config)).catch(() => {});
  const workers = startConsumers({
    config,
    connection: consumerRedis,
    db,
    log,
    metrics,
    nudgeRelay: relay.nudge,
  });
  workers.push(startWebhookSender({ config, connection: consumerRedis, db, log, metrics }));
  const reconciler = startReconciler({
    config,
    db: relayDb,
    queues,
    webhookQueue,
    log,
    metrics,
  });
  const expiry = startExpiry({
    config,
    db,
    connection: consumerRedis,
    queueConnection: relayRedis,
    log,
    nudgeRelay: relay.nudge,
  });
  const retention = startRetention({ config, db, log });
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
      consumers: [...new Set(subscriptions.map((s) => s.consumer))],
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
    nudges.disconnect();
    await relay.stop();
    await reconciler.stop();
    await expiry.stop();
    await closeWorkers(workers, Math.max(0, workersDeadline - Date.now()), log);
    await retention.stop();
    await settledWithin(
      Promise.all([...Object.values(queues), webhookQueue].map((queue) => queue.close())),
      1_000,
    );
    consumerRedis.disconnect();
    relayRedis.disconnect();
    await relayDb.end();
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
  const closed = await settledWithin(
    Promise.all(workers.map((worker) => worker.close())),
    deadlineMs,
  );
  if (closed) return;
  log.warn({ deadlineMs }, 'active jobs did not finish in time; they will be retried as stalled');
  await settledWithin(Promise.all(workers.map((worker) => worker.close(true))), 1_000);
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
