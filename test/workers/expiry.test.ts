import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { queuePrefix } from '../../src/queues.js';
import { expiryQueueName } from '../../src/workers/expiry.js';
import type { WorkerProcess } from '../../src/workers/server.js';
import { stockOf } from '../api/orders/orders.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import {
  orderLedger,
  paymentSecret,
  startPaymentStub,
  type PaymentAnswer,
} from '../helpers/payment.js';
import { sleep, startOwnRedis, waitFor, type OwnRedis } from '../helpers/process.js';
import {
  inboxCount,
  orderHistory,
  outboxEvent,
  placeOrderOverHttp,
  startTestWorker,
  waitForStatus,
  workerConfig,
} from '../helpers/worker.js';

const ctx = useTestApp();

describe('expiry of orders left pending (ORDER_PENDING_TTL)', () => {
  let user: SignedIn;
  let worker: WorkerProcess | undefined;
  let stub: Awaited<ReturnType<typeof startPaymentStub>> | undefined;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
  });

  afterEach(async () => {
    await worker?.close();
    await stub?.close();
    worker = undefined;
    stub = undefined;
  });

  /** A worker whose payment endpoint answers as `answer` says, sweeping every 100 ms. */
  async function startWorkflow(
    answer: () => PaymentAnswer | Promise<PaymentAnswer>,
    overrides: Partial<Config> = {},
  ) {
    stub = await startPaymentStub(answer);
    worker = await startTestWorker(
      workerConfig(ctx.config, {
        PAYMENT_URL: stub.url,
        PAYMENT_SECRET: paymentSecret,
        PAYMENT_TIMEOUT_MS: 300,
        ORDER_EXPIRY_SWEEP_MS: 100,
        ...overrides,
      }),
    );
    return stub;
  }

  it('when the payment endpoint never answers, then the order expires after its TTL, its stock comes back, and the payment job stops asking', async () => {
    // Enough attempts to outlast the TTL (by default they span minutes).
    const payments = await startWorkflow(() => 'hang', {
      ORDER_PENDING_TTL: 3,
      WEBHOOK_ATTEMPTS: 100,
    });
    const product = await createProduct(ctx.db, { stock: 10 });
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 4 }]);
    expect(await stockOf(ctx.db, product.id)).toBe(6);

    await waitForStatus(ctx.db, order.id, 'expired');

    expect(await stockOf(ctx.db, product.id)).toBe(10);
    expect(await orderLedger(ctx.db, order.id)).toEqual({
      status: 'expired',
      history: ['pending', 'expired'],
      events: ['order.created', 'order.expired'],
    });
    const [pending, expired] = await orderHistory(ctx.db, order.id);
    expect(expired).toMatchObject({ actor: 'system', reason: 'expired' });
    expect(Date.parse(expired!.at) - Date.parse(pending!.at)).toBeGreaterThanOrEqual(3_000);
    const event = await outboxEvent(ctx.db, order.id, 'order.expired');
    expect(event.payload).toMatchObject({ from: 'pending', reason: 'expired', actor: 'system' });
    // The next retry finds the order expired: the event is applied without asking again.
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    await waitFor('the payment job to give up on the expired order', async () =>
      (await inboxCount(ctx.db, created.id)) === 0 ? true : undefined,
    );
    const asked = payments.about(order.id).length;
    expect(asked).toBeGreaterThanOrEqual(1);
    await sleep(500);
    expect(payments.about(order.id)).toHaveLength(asked);
  });

  it('when authorization and expiry race on 100 orders, then each ends either confirmed or expired, never both, and stock is conserved', async () => {
    // Every authorization is held until the middle order is TTL old, then answered with jitter:
    // the older half is being swept while the younger half is being confirmed.
    const ttlSeconds = 8;
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await startWorkflow(
      async () => {
        await released;
        return { status: 200, afterMs: Math.random() * 400 };
      },
      { ORDER_PENDING_TTL: ttlSeconds, PAYMENT_TIMEOUT_MS: 20_000 },
    );
    const product = await createProduct(ctx.db, { stock: 1_000 });
    const orders = await Promise.all(
      Array.from({ length: 100 }, () =>
        placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 1 }]),
      ),
    );
    const created = orders.map((order) => Date.parse(order.createdAt)).sort((a, b) => a - b);
    const middle = created[50]! + ttlSeconds * 1_000;
    setTimeout(release, Math.max(0, middle - Date.now()));

    const ledgers = await waitFor(
      'every order to be confirmed or expired',
      async () => {
        const all = await Promise.all(orders.map((order) => orderLedger(ctx.db, order.id)));
        return all.every((l) => l.status !== 'pending') ? all : undefined;
      },
      30_000,
    );

    const byStatus = { confirmed: 0, expired: 0 };
    for (const ledger of ledgers) {
      expect(['confirmed', 'expired']).toContain(ledger.status);
      expect(ledger.history).toEqual(['pending', ledger.status]);
      expect(ledger.events).toEqual(['order.created', `order.${ledger.status}`]);
      byStatus[ledger.status as keyof typeof byStatus]++;
    }
    // Both sides won some: the race really happened.
    expect(byStatus.confirmed).toBeGreaterThan(0);
    expect(byStatus.expired).toBeGreaterThan(0);
    expect(await stockOf(ctx.db, product.id)).toBe(1_000 - byStatus.confirmed);
    console.info(`race of 100: ${byStatus.confirmed} confirmed, ${byStatus.expired} expired`);
  }, 60_000);
});

describe('expiry when Redis loses everything', () => {
  let redis: OwnRedis;
  let worker: WorkerProcess | undefined;
  let stub: Awaited<ReturnType<typeof startPaymentStub>> | undefined;

  beforeAll(async () => {
    redis = await startOwnRedis();
  });

  afterAll(async () => {
    await worker?.close();
    await stub?.close();
    await redis?.stop();
  });

  it('when Redis is flushed while orders are pending, then the sweep is scheduled again and they still expire', async () => {
    const user = await registerAndLogIn(ctx.app);
    // The payment endpoint keeps failing, so only expiry can end these orders.
    stub = await startPaymentStub(() => 500);
    const config = workerConfig(ctx.config, {
      REDIS_URL: redis.url,
      PAYMENT_URL: stub.url,
      PAYMENT_SECRET: paymentSecret,
      ORDER_PENDING_TTL: 4,
      ORDER_EXPIRY_SWEEP_MS: 200,
    });
    worker = await startTestWorker(config);
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(expiryQueueName, { connection: client, prefix: queuePrefix(config) });
    try {
      await waitFor('the sweep to be scheduled', () =>
        queue.getJobSchedulers().then((list) => (list.length > 0 ? list : undefined)),
      );
      const product = await createProduct(ctx.db, { stock: 50 });
      const orders = await Promise.all(
        Array.from({ length: 5 }, () =>
          placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 2 }]),
        ),
      );
      await waitFor('the orders to be handed to the payment step', () =>
        stub!.received.length >= 5 ? true : undefined,
      );

      await client.flushall();
      expect(await queue.getJobSchedulers()).toEqual([]);
      const statuses = await Promise.all(
        orders.map(async (o) => (await orderLedger(ctx.db, o.id)).status),
      );
      expect(statuses).toEqual(orders.map(() => 'pending'));

      for (const order of orders) await waitForStatus(ctx.db, order.id, 'expired', 15_000);
      expect(await stockOf(ctx.db, product.id)).toBe(50);
      expect((await queue.getJobSchedulers()).length).toBe(1);
    } finally {
      await queue.close();
      client.disconnect();
    }
  }, 60_000);
});
