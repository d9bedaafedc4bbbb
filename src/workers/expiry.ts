import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { expireOrders } from '../domain/orders/expire-orders.js';
import { queuePrefix } from '../queues.js';
import { settledWithin } from '../timeouts.js';

export interface ExpiryDeps {
  config: Config;
  db: DatabasePool;
  /** For the worker's blocking reads (`maxRetriesPerRequest: null`). */
  connection: ConnectionOptions;
  /** For the queue's commands: fails fast while Redis is down. */
  queueConnection: ConnectionOptions;
  log: Logger;
  nudgeRelay: () => void;
}

export const expiryQueueName = 'expire-orders';
const schedulerId = 'expire-pending-orders';

/**
 * Expiry runs as a BullMQ job scheduler: every ORDER_EXPIRY_SWEEP_MS one sweep job, taken by one
 * worker process, expires what is due. Postgres says what is due (a sweep finds every pending
 * order past its TTL, however long no sweep ran), so a lost job only delays expiry by a period;
 * and each process checks every period that the scheduler still exists, since a Redis that
 * restarted empty has forgotten it.
 */
export function startExpiry(deps: ExpiryDeps): { stop: () => Promise<void> } {
  const { config, log } = deps;
  const prefix = queuePrefix(config);
  const queue = new Queue(expiryQueueName, { connection: deps.queueConnection, prefix });
  queue.on('error', (error) => log.debug({ err: error }, 'expiry queue error'));
  const worker = new Worker(
    expiryQueueName,
    async () => {
      const expired = await expireOrders(deps, {
        ttlSeconds: config.ORDER_PENDING_TTL,
        // create_order runs as one statement, so it cannot take longer than the timeout.
        slackMs: 2 * config.DATABASE_STATEMENT_TIMEOUT_MS,
        trace: { traceparent: null, tracestate: null },
      });
      if (expired > 0) {
        deps.nudgeRelay();
        log.info({ expired }, 'expired pending orders');
      }
      return expired;
    },
    {
      connection: deps.connection,
      prefix,
      concurrency: 1,
      // Untraced: a sweep belongs to no order, and a trace every period would be noise.
    },
  );
  worker.on('failed', (_job, error) =>
    log.warn({ err: error }, 'expiry sweep failed; next period'),
  );
  worker.on('error', (error) => log.debug({ err: error }, 'expiry worker error'));

  let scheduling: Promise<void> | undefined;
  const ensureScheduled = () => {
    scheduling ??= queue
      .getJobScheduler(schedulerId)
      .then(async (existing) => {
        // A changed ORDER_EXPIRY_SWEEP_MS replaces the schedule; an unchanged one is left running.
        if (existing?.every === config.ORDER_EXPIRY_SWEEP_MS) return;
        await queue.upsertJobScheduler(
          schedulerId,
          { every: config.ORDER_EXPIRY_SWEEP_MS },
          { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } },
        );
        log.info({ everyMs: config.ORDER_EXPIRY_SWEEP_MS }, 'expiry sweep scheduled');
      })
      .catch((error: unknown) => log.debug({ err: error }, 'could not check the expiry schedule'))
      .finally(() => {
        scheduling = undefined;
      });
  };
  ensureScheduled();
  const timer = setInterval(ensureScheduled, config.ORDER_EXPIRY_SWEEP_MS).unref();

  return {
    stop: async () => {
      clearInterval(timer);
      await scheduling;
      await settledWithin(worker.close(), config.SHUTDOWN_TIMEOUT_MS / 2);
      await settledWithin(queue.close(), 1_000);
    },
  };
}
