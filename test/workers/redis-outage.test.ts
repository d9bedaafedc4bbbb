import { afterAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { sleep, startOwnRedis, waitFor, type OwnRedis } from '../helpers/process.js';
import {
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  webhookSecret,
  workerConfig,
  workflowCounts,
} from '../helpers/worker.js';

const ctx = useTestApp();
const outageMs = 10_000;

describe('Redis outage', () => {
  let redis: OwnRedis;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let worker: WorkerProcess | undefined;

  afterAll(async () => {
    await worker?.close();
    await receiver?.close();
    await redis?.stop();
  });

  it('when Redis is down for 10 s, then orders are still created and every event is delivered after it returns', async () => {
    const user = await registerAndLogIn(ctx.app);
    const productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    redis = await startOwnRedis();
    receiver = await startWebhookReceiver();
    const logs: string[] = [];
    const config = workerConfig(ctx.config, {
      REDIS_URL: redis.url,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: webhookSecret,
      RELAY_BACKOFF_MAX_MS: 1_000,
      LOG_LEVEL: 'info',
    });
    worker = await startTestWorker(config, { logs });

    const before = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
    await waitForStatus(ctx.db, before.id, 'confirmed');
    await waitFor('order.confirmed to be relayed', async () =>
      (await workflowCounts(ctx.db)).unpublished === 0 ? true : undefined,
    );

    await redis.stop();
    const placedDuringOutage: string[] = [];
    const outageEnds = Date.now() + outageMs;
    while (Date.now() < outageEnds) {
      // The API never touches Redis to create an order.
      const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
      placedDuringOutage.push(order.id);
      await sleep(500);
    }
    // Nothing reached a consumer: the events wait in the outbox (or in the relay's retry).
    const duringOutage = await workflowCounts(ctx.db);
    expect(duringOutage.unpublished).toBeGreaterThanOrEqual(placedDuringOutage.length - 1);
    expect(duringOutage.confirmed).toBe(1);

    const restarted = Date.now();
    await redis.start();
    const counts = await waitFor(
      'the backlog to drain',
      async () => {
        const current = await workflowCounts(ctx.db);
        return current.confirmed === placedDuringOutage.length + 1 && current.unpublished === 0
          ? current
          : undefined;
      },
      20_000,
    );
    console.info(
      `${placedDuringOutage.length} orders placed during a ${outageMs} ms Redis outage; ` +
        `all confirmed ${Date.now() - restarted} ms after Redis restarted`,
    );
    expect(counts.confirmedEvents).toBe(placedDuringOutage.length + 1);
    await waitFor('every order.created webhook', () =>
      receiver.ofType('order.created').length === placedDuringOutage.length + 1 ? true : undefined,
    );

    // One line when enqueueing starts failing and one when it recovers, not one per retry.
    const messages = logs.map((line) => JSON.parse(line).msg as string);
    expect(messages.filter((msg) => msg.startsWith('enqueueing failed'))).toHaveLength(1);
    expect(messages.filter((msg) => msg === 'enqueueing recovered')).toHaveLength(1);
    expect(messages.filter((msg) => msg.startsWith('reconciliation failing'))).toHaveLength(1);
  }, 60_000);

  it('when Redis is down at shutdown, then the worker still closes within SHUTDOWN_TIMEOUT_MS', async () => {
    await redis.stop();
    const started = Date.now();
    await worker!.close();
    worker = undefined;
    expect(Date.now() - started).toBeLessThan(workerConfig(ctx.config).SHUTDOWN_TIMEOUT_MS + 2_000);
  });
});
