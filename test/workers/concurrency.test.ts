import { sql } from 'slonik';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WorkerProcess } from '../../src/workers/server.js';
import { createQueues } from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  placeOrderOverHttp,
  startTestWorker,
  workerConfig,
  workflowCounts,
} from '../helpers/worker.js';

const ctx = useTestApp();
const orderCount = 1_000;

describe('two relays and two workers at once', () => {
  const workers: WorkerProcess[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
  });

  it(`when ${orderCount} orders are placed, then every event is relayed once and every order confirmed once`, async () => {
    const user = await registerAndLogIn(ctx.app);
    const products = await Promise.all(
      Array.from({ length: 10 }, () => createProduct(ctx.db, { stock: orderCount })),
    );
    // Small batches, so the two relays really compete for rows (SKIP LOCKED).
    const config = workerConfig(ctx.config, { RELAY_BATCH_SIZE: 50, WORKER_CONCURRENCY: 10 });
    workers.push(await startTestWorker(config), await startTestWorker(config));

    const started = Date.now();
    let next = 0;
    const placeAll = async () => {
      while (next < orderCount) {
        const productId = products[next++ % products.length]!.id;
        await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
      }
    };
    await Promise.all(Array.from({ length: 8 }, placeAll));
    const placedMs = Date.now() - started;

    const counts = await waitFor(
      'every order confirmed and every event relayed and consumed',
      async () => {
        const current = await workflowCounts(ctx.db);
        return current.confirmed === orderCount &&
          current.unpublished === 0 &&
          current.unconsumed === 0
          ? current
          : undefined;
      },
      60_000,
      100,
    );
    const doneMs = Date.now() - started;

    expect(counts).toEqual({
      orders: orderCount,
      confirmed: orderCount,
      created: orderCount,
      confirmedEvents: orderCount,
      unpublished: 0,
      // Every event handed to a consumer was applied.
      unconsumed: 0,
      // pending and confirmed, once each per order.
      history: 2 * orderCount,
    });
    const distinctConfirmed = await ctx.db.oneFirst(sql.type(z.object({ count: z.number() }))`
      SELECT count(DISTINCT aggregate_id)::int AS count FROM outbox
      WHERE event_type = 'order.confirmed'`);
    expect(distinctConfirmed).toBe(orderCount);

    const queues = createQueues(ctx.redis, ctx.config);
    try {
      const payments = await queues['authorize-payment'].getJobCounts('completed', 'failed');
      expect(payments).toEqual({ completed: orderCount, failed: 0 });
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    }

    const latency = await ctx.db.one(sql.type(
      z.object({ p50: z.number(), p95: z.number(), max: z.number() }),
    )`
      SELECT
        round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms))::int AS p50,
        round(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms))::int AS p95,
        round(max(ms))::int AS max
      FROM (SELECT extract(epoch FROM updated_at - created_at) * 1000 AS ms FROM orders) o`);
    console.info(
      `${orderCount} orders: placed in ${placedMs} ms, all confirmed and relayed after ${doneMs} ms; ` +
        `order commit → confirmed p50 ${latency.p50} ms, p95 ${latency.p95} ms, max ${latency.max} ms`,
    );
  }, 90_000);
});
