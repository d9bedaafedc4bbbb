import { afterAll, describe, expect, it } from 'vitest';
import { createQueues, jobIdFor } from '../../src/queues.js';
import { stockOf } from '../api/orders/orders.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { spawnEntry, spawnProcess, waitFor, type SpawnedProcess } from '../helpers/process.js';
import {
  inboxCount,
  orderHistory,
  orderStatus,
  outboxEvent,
  outboxEventsOf,
  placeOrderOverHttp,
} from '../helpers/worker.js';

const ctx = useTestApp();

describe('a worker killed between a batch commit and its jobs completing', () => {
  const processes: SpawnedProcess[] = [];

  afterAll(async () => {
    for (const process of processes) await process.kill();
  });

  const env = () => ({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: ctx.config.DATABASE_URL,
    REDIS_URL: ctx.config.REDIS_URL,
    REDIS_KEY_PREFIX: ctx.config.REDIS_KEY_PREFIX,
    WORKER_PORT: '0',
    RELAY_POLL_MAX_MS: '200',
    WORKER_LOCK_MS: '2000',
  });

  it('when the job runs again, then it changes nothing a second time', async () => {
    const user = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db, { stock: 10 });
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 3 }]);

    const doomed = spawnProcess(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './test/workers/fixtures/die-after-settle.ts',
        'src/workers/main.ts',
      ],
      env(),
    );
    processes.push(doomed);
    expect(await doomed.exited).toMatchObject({ signal: 'SIGKILL' });

    // The batch committed: the order moved and the inbox row is gone, but the job never finished.
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    expect(await orderStatus(ctx.db, order.id)).toBe('confirmed');
    // authorize-payment is its only consumer: no inbox row is left.
    expect(await inboxCount(ctx.db, created.id)).toBe(0);
    const queues = createQueues(ctx.redis, ctx.config);
    try {
      const queue = queues['authorize-payment'];
      expect(await queue.getJobState(jobIdFor(created.id))).toBe('active');

      const survivor = spawnEntry('src/workers/main.ts', env());
      processes.push(survivor);
      await waitFor(
        'the stalled job to run again and complete',
        async () =>
          (await queue.getJobState(jobIdFor(created.id))) === 'completed' ? true : undefined,
        30_000,
      );
      const job = await queue.getJob(jobIdFor(created.id));
      expect(job?.returnvalue).toBe('duplicate');
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    }

    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.map((event) => event.type)).toEqual(['order.created', 'order.confirmed']);
    expect((await orderHistory(ctx.db, order.id)).map((entry) => entry.status)).toEqual([
      'pending',
      'confirmed',
    ]);
    expect(await stockOf(ctx.db, product.id)).toBe(7);
  }, 60_000);
});
