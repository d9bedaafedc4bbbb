import pg from 'pg';
import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { deleteExpiredIdempotencyKeys } from '../db/idempotency-keys.js';
import { deleteProcessedEvents } from '../db/inbox.js';
import {
  deletePublishedOutbox,
  listenForOutboxInserts,
  outboxChannel,
} from '../db/outbox-relay.js';
import type { OutboxEvent } from '../domain/orders/events.js';
import { relayOutboxBatch } from '../domain/workflow/relay-outbox.js';
import type { WorkerMetrics } from '../metrics.js';
import { jobIdFor, jobOptions, queueNames, type JobName, type Queues } from '../queues.js';
import { inPublishSpans } from './trace.js';

export interface RelayDeps {
  config: Config;
  db: DatabasePool;
  queues: Queues;
  log: Logger;
  metrics: WorkerMetrics;
}

export interface Relay {
  /** Finishes the batch in flight, then stops listening and polling. */
  stop: () => Promise<void>;
}

const firstBackoffMs = 200;
const pruneEveryMs = 60 * 60 * 1000;
const pruneChunk = 10_000;

/**
 * Moves committed outbox rows to BullMQ. Wakes on NOTIFY (sent on commit), polls as a fallback,
 * loops at once while batches come back full, and backs off while Redis or Postgres is down.
 */
export function startRelay(deps: RelayDeps): Relay {
  const { config, log } = deps;
  const stopping = new AbortController();
  let wakeRequested = false;
  let wakeUp: (() => void) | undefined;
  const wake = () => {
    wakeRequested = true;
    wakeUp?.();
  };

  /** Sleeps `ms`; a wakeable pause also ends on NOTIFY (or at once if one came meanwhile). */
  const pause = async (ms: number, wakeable: boolean) => {
    if (wakeable && wakeRequested) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', done);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopping.signal.addEventListener('abort', done, { once: true });
      if (wakeable) wakeUp = done;
    });
  };

  const jobsOptions = jobOptions(config);
  // Below the idle-in-transaction timeout (2 × statement timeout) that would abort the claim.
  const enqueueDeadlineMs = config.DATABASE_STATEMENT_TIMEOUT_MS;
  const enqueue = async (events: OutboxEvent[]) => {
    const byJob = new Map<JobName, OutboxEvent[]>();
    for (const event of events) {
      const batch = byJob.get(event.eventType);
      if (batch) batch.push(event);
      else byJob.set(event.eventType, [event]);
    }
    // The job carries the row's own trace context; these spans only show the send in it.
    const messages = events.map((event) => ({
      name: `send ${queueNames[event.eventType]}`,
      stored: event,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'send',
        'messaging.destination.name': queueNames[event.eventType],
        'messaging.message.id': jobIdFor(event.id),
        'order.id': event.aggregateId,
      },
    }));
    await inPublishSpans(messages, () => {
      const adds = [...byJob].map(([name, batch]) =>
        deps.queues[name].addBulk(
          batch.map((event) => ({
            name,
            data: event,
            opts: { ...jobsOptions, jobId: jobIdFor(event.id) },
          })),
        ),
      );
      return withDeadline(Promise.all(adds), enqueueDeadlineMs, 'enqueueing to Redis timed out');
    });
    // Counted when in Redis: a batch whose mark then rolls back is really enqueued again.
    const enqueuedAt = Date.now();
    for (const event of events) {
      deps.metrics.relayLag.observe(Math.max(0, (enqueuedAt - Date.parse(event.createdAt)) / 1000));
      deps.metrics.eventsRelayed.inc({ event_type: event.eventType });
    }
  };

  const loop = async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      // Notifications from here on may be for rows this batch cannot see yet: keep them.
      wakeRequested = false;
      try {
        const result = await relayOutboxBatch(
          { db: deps.db, enqueue },
          { batchSize: config.RELAY_BATCH_SIZE },
        );
        if (failures > 0) log.info({ failedAttempts: failures }, 'outbox relay recovered');
        failures = 0;
        if (result.invalidIds.length > 0) {
          log.error(
            { ids: result.invalidIds },
            'outbox rows break the event contract; left unpublished',
          );
        }
        const full = result.claimed === config.RELAY_BATCH_SIZE && result.published > 0;
        if (!full) await pause(config.RELAY_POLL_INTERVAL_MS, true);
      } catch (error) {
        failures += 1;
        if (failures === 1)
          log.warn({ err: error }, 'outbox relay failing; backing off until it recovers');
        const backoff = Math.min(config.RELAY_BACKOFF_MAX_MS, firstBackoffMs * 2 ** (failures - 1));
        await pause(backoff, false);
      }
    }
  };

  const listener = listenForWakeUps(config, log, wake, stopping.signal);
  const running = loop();
  const prune = () =>
    pruneExpired(deps).catch((error) => log.warn({ err: error }, 'pruning failed'));
  void prune();
  const pruneTimer = setInterval(prune, pruneEveryMs).unref();

  return {
    stop: async () => {
      stopping.abort();
      clearInterval(pruneTimer);
      await running;
      await listener.close();
    },
  };
}

/** A dedicated LISTEN connection; reconnects on its own, and polling covers the gaps. */
function listenForWakeUps(
  config: Config,
  log: Logger,
  wake: () => void,
  stopping: AbortSignal,
): { close: () => Promise<void> } {
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let lost = false;

  const connect = async () => {
    const next = new pg.Client({
      connectionString: config.DATABASE_URL,
      connectionTimeoutMillis: config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    next.on('notification', (message) => {
      if (message.channel === outboxChannel) wake();
    });
    next.on('error', (error) => onLost(next, error));
    next.on('end', () => onLost(next));
    try {
      await next.connect();
      await listenForOutboxInserts(next);
    } catch (error) {
      onLost(next, error);
      return;
    }
    if (stopping.aborted) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    if (lost) log.info('outbox LISTEN connection restored');
    lost = false;
    // Rows committed while nobody listened.
    wake();
  };

  const onLost = (lostClient: pg.Client, error?: unknown) => {
    if (stopping.aborted || (client !== lostClient && client !== undefined)) return;
    client = undefined;
    lostClient.end().catch(() => {});
    if (!lost) log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
    lost = true;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), config.RELAY_POLL_INTERVAL_MS).unref();
  };

  void connect();
  return {
    close: async () => {
      clearTimeout(retryTimer);
      await client?.end().catch(() => {});
      client = undefined;
    },
  };
}

/**
 * Retention: published outbox rows and inbox records older than OUTBOX_RETENTION_HOURS, and
 * idempotency keys past their 24 h. Deleted in chunks so no statement holds locks for long.
 */
async function pruneExpired(deps: RelayDeps): Promise<void> {
  const hours = deps.config.OUTBOX_RETENTION_HOURS;
  const outbox = await deleteInChunks(() => deletePublishedOutbox(deps.db, hours, pruneChunk));
  const inbox = await deleteInChunks(() => deleteProcessedEvents(deps.db, hours, pruneChunk));
  const idempotencyKeys = await deleteInChunks(() =>
    deleteExpiredIdempotencyKeys(deps.db, pruneChunk),
  );
  if (outbox + inbox + idempotencyKeys > 0) {
    deps.log.info({ outbox, inbox, idempotencyKeys }, 'pruned expired rows');
  }
}

async function deleteInChunks(deleteChunk: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let deleted = pruneChunk; deleted === pruneChunk; total += deleted) {
    deleted = await deleteChunk();
  }
  return total;
}

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
