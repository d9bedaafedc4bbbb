import type { Logger } from 'pino';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabasePool } from 'slonik';
import { readScrapeGauges, type ScrapeGauges } from './db/metrics.js';
import { webhookDeliveryBacklog } from './db/webhook-deliveries.js';
import { withTimeout } from './timeouts.js';

/**
 * Every metric of both processes is declared here and observed where it happens.
 * Each process builds one registry (labelled with its service name) and passes it down.
 */

// A fast API: most answers take 1–50 ms; the tail up to seconds still gets a bucket.
const httpBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const pipelineBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

export type Service = 'orders-api' | 'orders-worker';

function createRegistry(service: Service, db: DatabasePool) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const state = db.state();
      this.set({ state: 'total' }, state.acquiredConnections + state.idleConnections);
      this.set({ state: 'idle' }, state.idleConnections);
      this.set({ state: 'waiting' }, state.waitingClients);
    },
  });
  return registry;
}

export function createApiMetrics(db: DatabasePool) {
  const registry = createRegistry('orders-api', db);
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route pattern',
      labelNames: ['method', 'route', 'status_code'] as const,
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request received to response sent, by route pattern',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: httpBuckets,
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: 'http_errors_total',
      help: 'HTTP error answers (4xx and 5xx) by problem code',
      labelNames: ['method', 'route', 'status_code', 'code'] as const,
      registers: [registry],
    }),
  };
}
export type ApiMetrics = ReturnType<typeof createApiMetrics>;

/** A queue as bullmq_queue_jobs reads it (BullMQ's Queue fits). */
export interface QueueJobCounts {
  name: string;
  getJobCounts: (...states: QueueState[]) => Promise<Record<string, number>>;
}
export interface WorkerMetricSources {
  queues?: readonly QueueJobCounts[];
  /** Scrape-time read failures go here at debug: the gauges keep their last value. */
  log?: Pick<Logger, 'debug'>;
}

const queueStates = ['waiting', 'active', 'delayed', 'failed'] as const;
type QueueState = (typeof queueStates)[number];

// Well inside Prometheus's default 10 s scrape timeout, even with Postgres or Redis hanging.
const scrapeReadTimeoutMs = 1_000;

export function createWorkerMetrics(db: DatabasePool, sources: WorkerMetricSources = {}) {
  const registry = createRegistry('orders-worker', db);
  const onReadError = (what: string) => (error: unknown) =>
    sources.log?.debug({ err: error }, `metrics: reading ${what} failed; keeping last values`);
  // The DB gauges are collected concurrently on each scrape and share one query.
  const readDb = sharedScrapeRead(() => readScrapeGauges(db), onReadError('database gauges'));
  const dbGauge = (name: string, help: string, pick: (gauges: ScrapeGauges) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const gauges = await readDb();
        if (gauges) this.set(pick(gauges));
      },
    });
  const queues = sources.queues ?? [];
  const readQueues = sharedScrapeRead(
    () =>
      Promise.all(
        queues.map(async (queue) => ({
          queue: queue.name,
          counts: await queue.getJobCounts(...queueStates),
        })),
      ),
    onReadError('queue job counts'),
  );
  const readBacklog = sharedScrapeRead(
    () => webhookDeliveryBacklog(db),
    onReadError('webhook delivery backlog'),
  );
  // Endpoints come and go: each scrape resets the gauge so a deleted one's series disappears.
  const backlogGauge = (name: string, help: string, pick: (row: BacklogRow) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['endpoint'] as const,
      registers: [registry],
      async collect() {
        const backlog = await readBacklog();
        if (!backlog) return;
        this.reset();
        for (const row of backlog) this.set({ endpoint: row.endpointId }, pick(row));
      },
    });
  return {
    registry,
    ordersCreated: new Counter({
      name: 'orders_created_total',
      help: 'Orders created (counted once per order.created event, when it is published)',
      registers: [registry],
    }),
    orderValue: new Counter({
      name: 'order_value_cents_total',
      help: 'Sum of the totals of created orders, in minor units',
      labelNames: ['currency'] as const,
      registers: [registry],
    }),
    orderTransitions: new Counter({
      name: 'orders_transitions_total',
      help: 'Order status changes (counted once per order.<status> event, when it is published)',
      labelNames: ['from', 'to', 'reason'] as const,
      registers: [registry],
    }),
    activeUsers: dbGauge(
      'active_users',
      'Users holding at least one live (unexpired, unrevoked, unrotated) refresh token',
      (gauges) => gauges.activeUsers,
    ),
    outboxBacklog: dbGauge(
      'outbox_backlog',
      'Outbox events not yet published to the queues',
      (gauges) => gauges.outboxBacklog,
    ),
    outboxOldestAge: dbGauge(
      'outbox_oldest_unpublished_age_seconds',
      'Age of the oldest unpublished outbox event (0 when none)',
      (gauges) => gauges.oldestUnpublishedAgeSeconds,
    ),
    unconsumedEvents: dbGauge(
      'events_unconsumed',
      'Events handed to a consumer and not applied yet (dead letters excluded)',
      (gauges) => gauges.unconsumedEvents,
    ),
    oldestUnconsumedAge: dbGauge(
      'events_oldest_unconsumed_age_seconds',
      'Age of the oldest event a consumer has not applied yet (0 when none)',
      (gauges) => gauges.oldestUnconsumedAgeSeconds,
    ),
    deadLetters: dbGauge(
      'events_dead_letters',
      'Events a consumer gave up on (failed for good); retry them from Bull Board',
      (gauges) => gauges.deadLetters,
    ),
    relayLag: new Histogram({
      name: 'outbox_relay_lag_seconds',
      help: 'Time from an outbox event being written to it being enqueued',
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    eventsRelayed: new Counter({
      name: 'outbox_events_relayed_total',
      help: 'Outbox events published by the relay',
      labelNames: ['event_type'] as const,
      registers: [registry],
    }),
    eventsResent: new Counter({
      name: 'events_resent_total',
      help: 'Jobs the reconciler sent again because they were missing from Redis',
      labelNames: ['consumer'] as const,
      registers: [registry],
    }),
    consumeLag: new Histogram({
      name: 'event_consume_lag_seconds',
      help: 'Time from an outbox event being written to its consumer starting',
      labelNames: ['job_type'] as const,
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    batchSize: new Histogram({
      name: 'worker_batch_size',
      help: 'Jobs whose effects one statement committed, by batch',
      labelNames: ['batch'] as const,
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500],
      registers: [registry],
    }),
    queueJobs: new Gauge({
      name: 'bullmq_queue_jobs',
      help: 'BullMQ jobs by queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        for (const { queue, counts } of (await readQueues()) ?? []) {
          for (const state of queueStates) this.set({ queue, state }, counts[state] ?? 0);
        }
      },
    }),
    jobDuration: new Histogram({
      name: 'job_duration_seconds',
      help: 'Job processing time by job type and outcome',
      labelNames: ['job_type', 'outcome'] as const,
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'job_failures_total',
      help: 'Failed job attempts by job type',
      labelNames: ['job_type'] as const,
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: 'webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    paymentAuthorizations: new Counter({
      name: 'payment_authorizations_total',
      help: 'Payment authorization calls by outcome: authorized, declined, failed, timeout',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    paymentDuration: new Histogram({
      name: 'payment_duration_seconds',
      help: 'Payment authorization call latency by outcome',
      labelNames: ['outcome'] as const,
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    webhookDuration: new Histogram({
      name: 'webhook_duration_seconds',
      help: 'Webhook delivery latency by outcome',
      labelNames: ['outcome'] as const,
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    // Per endpoint: the label is the endpoint's id (admins create few), never its URL.
    endpointAttempts: new Counter({
      name: 'webhook_endpoint_attempts_total',
      help: 'Webhook delivery attempts by endpoint id and outcome',
      labelNames: ['endpoint', 'outcome'] as const,
      registers: [registry],
    }),
    endpointDuration: new Histogram({
      name: 'webhook_endpoint_duration_seconds',
      help: 'Webhook delivery attempt latency by endpoint id',
      labelNames: ['endpoint'] as const,
      buckets: pipelineBuckets,
      registers: [registry],
    }),
    endpointPending: backlogGauge(
      'webhook_endpoint_pending_deliveries',
      'Deliveries not yet succeeded nor failed for good, by endpoint id',
      (row) => row.pending,
    ),
    endpointOldestPending: backlogGauge(
      'webhook_endpoint_oldest_pending_age_seconds',
      "Age of the endpoint's oldest pending delivery (0 when none), by endpoint id",
      (row) => row.oldestPendingSeconds,
    ),
  };
}
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
type BacklogRow = Awaited<ReturnType<typeof webhookDeliveryBacklog>>[number];

/**
 * Wraps a scrape-time read: the collectors of one scrape share one bounded wait (at most
 * scrapeReadTimeoutMs), a slow read is never started twice, and a failure resolves to undefined
 * after one `onError` call instead of failing the scrape.
 */
function sharedScrapeRead<T>(
  read: () => Promise<T>,
  onError: (error: unknown) => void,
): () => Promise<T | undefined> {
  let reading: Promise<T> | undefined;
  let waiting: Promise<T | undefined> | undefined;
  const wait = async () => {
    try {
      reading ??= read().finally(() => {
        reading = undefined;
      });
      return await withTimeout(reading, scrapeReadTimeoutMs, 'scrape read');
    } catch (error) {
      onError(error);
      return undefined;
    }
  };
  return () =>
    (waiting ??= wait().finally(() => {
      waiting = undefined;
    }));
}
