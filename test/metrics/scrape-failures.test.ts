import { randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { describe, expect, it, vi } from 'vitest';
import { createWorkerMetrics, type QueueJobCounts } from '../../src/metrics.js';
import { parseMetrics, valueOf } from './scrape.js';

const poolState = () => ({ acquiredConnections: 0, idleConnections: 1, waitingClients: 0 });

/** Stand-ins for the pool and a queue whose reads succeed, fail or hang on demand. */
function sources(mode: { current: 'up' | 'down' | 'hanging' }) {
  const answer = <T>(value: T): Promise<T> =>
    mode.current === 'up'
      ? Promise.resolve(value)
      : mode.current === 'down'
        ? Promise.reject(new Error('connect ECONNREFUSED'))
        : new Promise<T>(() => {});
  const db = {
    state: poolState,
    one: () =>
      answer({
        activeUsers: 3,
        outboxBacklog: 2,
        oldestUnpublishedAgeSeconds: 7.5,
        unconsumedEvents: 4,
        oldestUnconsumedAgeSeconds: 1.5,
        deadLetters: 0,
      }),
    any: () => answer([{ endpointId: randomUUID(), pending: 2, oldestPendingSeconds: 3 }]),
  } as unknown as DatabasePool;
  const queue: QueueJobCounts = {
    name: 'order-created',
    getJobCounts: () => answer({ waiting: 5, active: 1, delayed: 0, failed: 4 }),
  };
  return { db, queue };
}

describe('scrape-time collectors', () => {
  it('when Postgres and Redis fail at scrape time, then the scrape answers with the last values and logs once per source', async () => {
    const mode = { current: 'up' as 'up' | 'down' | 'hanging' };
    const { db, queue } = sources(mode);
    const debug = vi.fn();
    const metrics = createWorkerMetrics(db, { queues: [queue], log: { debug } });

    const up = parseMetrics(await metrics.registry.metrics());
    mode.current = 'down';
    const down = parseMetrics(await metrics.registry.metrics());

    for (const samples of [up, down]) {
      expect(valueOf(samples, 'active_users')).toBe(3);
      expect(valueOf(samples, 'outbox_backlog')).toBe(2);
      expect(valueOf(samples, 'outbox_oldest_unpublished_age_seconds')).toBe(7.5);
      expect(
        valueOf(samples, 'bullmq_queue_jobs', { queue: 'order-created', state: 'failed' }),
      ).toBe(4);
    }
    // The DB gauges share one read: one line for it, one for the webhook backlog, one for the queues.
    expect(debug).toHaveBeenCalledTimes(3);
  });

  it('when a read hangs, then the scrape still answers within about a second', async () => {
    const mode = { current: 'hanging' as const };
    const { db, queue } = sources(mode);
    const metrics = createWorkerMetrics(db, { queues: [queue] });

    const started = performance.now();
    const samples = parseMetrics(await metrics.registry.metrics());
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(valueOf(samples, 'db_pool_connections', { state: 'idle' })).toBe(1);
  });
});
