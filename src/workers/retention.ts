import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { deleteExpiredIdempotencyKeys } from '../db/idempotency-keys.js';
import { whileHoldingLock } from '../db/locks.js';
import { deleteExpiredOutboxEvents } from '../db/outbox.js';

const passEveryMs = 60 * 60 * 1000;
const chunk = 10_000;

/**
 * Retention, hourly: outbox events older than OUTBOX_RETENTION_HOURS that every consumer has
 * applied, and idempotency keys past their 24 h, deleted in chunks so no statement holds locks
 * for long. One worker at a time: the pass holds an advisory lock, and the others skip it.
 */
export function startRetention(deps: { config: Config; db: DatabasePool; log: Logger }): {
  stop: () => Promise<void>;
} {
  const { config, db, log } = deps;
  let running: Promise<void> | undefined;

  const pass = () =>
    db.connect(async (connection) => {
      const ran = await whileHoldingLock(connection, 'retention', async () => {
        log.info('retention pass started');
        const outboxEvents = await deleteInChunks(() =>
          deleteExpiredOutboxEvents(connection, config.OUTBOX_RETENTION_HOURS, chunk),
        );
        const idempotencyKeys = await deleteInChunks(() =>
          deleteExpiredIdempotencyKeys(connection, chunk),
        );
        log.info({ deleted: { outboxEvents, idempotencyKeys } }, 'retention pass finished');
      });
      if (!ran) log.info('retention pass skipped: another worker is running it');
    });

  const start = () => {
    running ??= pass()
      .catch((error: unknown) => log.warn({ err: error }, 'retention pass failed'))
      .finally(() => {
        running = undefined;
      });
  };
  start();
  const timer = setInterval(start, passEveryMs).unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

async function deleteInChunks(deleteChunk: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let deleted = chunk; deleted === chunk; total += deleted) {
    deleted = await deleteChunk();
  }
  return total;
}
