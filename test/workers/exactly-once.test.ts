import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishOutboxEvents } from '../../src/db/outbox.js';
import type { OrderEvent } from '../../src/domain/orders/events.js';
import { settlePayments, type Payment } from '../../src/domain/orders/settle-payments.js';
import { createQueues, enabledSubscriptions, jobIdFor, type Queues } from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  cancelOrderOverHttp,
  inboxCount,
  orderHistory,
  orderStatus,
  outboxEvent,
  outboxEventsOf,
  placeOrderOverHttp,
  startTestWorker,
  waitForStatus,
  workerConfig,
} from '../helpers/worker.js';
import { stockOf } from '../api/orders/orders.js';

const ctx = useTestApp();
const consumer = 'authorize-payment';
const noTrace = { traceparent: null, tracestate: null };

/** Settles payments as the authorize-payment job does, all in one batch. */
const settle = (...payments: Payment[]) => settlePayments({ db: ctx.db }, consumer, payments);
const authorized = (event: OrderEvent): Payment => ({
  event,
  answer: 'authorized',
  trace: noTrace,
});

describe('exactly-once effects', () => {
  let user: SignedIn;
  let productId: string;
  let queues: Queues;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    queues = createQueues(ctx.redis, ctx.config);
  });

  afterAll(async () => {
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  });

  /** Places an order and publishes its order.created as the relay would (no job is enqueued). */
  const placeAndPublish = async () => {
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
    // Only the consumer under test gets an inbox row.
    const payment = enabledSubscriptions(ctx.config).filter(
      (subscription) => subscription.consumer === 'authorize-payment',
    );
    await publishOutboxEvents(ctx.db, 1_000, payment);
    return { order, created: await outboxEvent(ctx.db, order.id, 'order.created') };
  };
  const confirmedEventsOf = async (orderId: string) =>
    (await outboxEventsOf(ctx.db, orderId)).filter((event) => event.type === 'order.confirmed');

  it('when the same order.created is settled twice, then the order is confirmed once', async () => {
    const { order, created } = await placeAndPublish();
    expect(await inboxCount(ctx.db, created.id)).toBe(1);

    expect(await settle(authorized(created))).toEqual(['confirmed']);
    expect(await settle(authorized(created))).toEqual(['duplicate']);

    expect(await orderStatus(ctx.db, order.id)).toBe('confirmed');
    expect(await inboxCount(ctx.db, created.id)).toBe(0);
    expect(await confirmedEventsOf(order.id)).toHaveLength(1);
    expect((await orderHistory(ctx.db, order.id)).map((entry) => entry.status)).toEqual([
      'pending',
      'confirmed',
    ]);
  });

  it('when two deliveries of one event settle at the same time, then exactly one confirms', async () => {
    const { order, created } = await placeAndPublish();

    const outcomes = await Promise.all([settle(authorized(created)), settle(authorized(created))]);

    expect(outcomes.flat().sort()).toEqual(['confirmed', 'duplicate']);
    expect(await confirmedEventsOf(order.id)).toHaveLength(1);
  });

  it('when one order of a batch was cancelled meanwhile, then the others are confirmed once and the cancelled one is left alone', async () => {
    const placed = await Promise.all(Array.from({ length: 5 }, placeAndPublish));
    const [first, second, cancelledMeanwhile, fourth, fifth] = placed.map((p) => p!);
    await cancelOrderOverHttp(ctx.app, user, cancelledMeanwhile!.order.id);
    const stockBefore = await stockOf(ctx.db, productId);

    const batch = [first, second, cancelledMeanwhile, fourth, fifth].map((p) =>
      authorized(p!.created),
    );
    expect(await settle(...batch)).toEqual([
      'confirmed',
      'confirmed',
      'not-pending',
      'confirmed',
      'confirmed',
    ]);
    expect(await settle(...batch)).toEqual(Array(5).fill('duplicate'));

    expect(await orderStatus(ctx.db, cancelledMeanwhile!.order.id)).toBe('cancelled');
    expect(await confirmedEventsOf(cancelledMeanwhile!.order.id)).toHaveLength(0);
    expect(await stockOf(ctx.db, productId)).toBe(stockBefore);
    for (const { order } of [first, second, fourth, fifth].map((p) => p!)) {
      expect(await orderStatus(ctx.db, order.id)).toBe('confirmed');
      expect(await confirmedEventsOf(order.id)).toHaveLength(1);
    }
  });

  it('when a payment is declined, then the order is cancelled with its stock restored, once', async () => {
    const { order, created } = await placeAndPublish();
    const stockAfterOrder = await stockOf(ctx.db, productId);

    const declined: Payment = { event: created, answer: 'declined', trace: noTrace };
    expect(await settle(declined)).toEqual(['cancelled']);
    expect(await settle(declined)).toEqual(['duplicate']);

    expect(await orderStatus(ctx.db, order.id)).toBe('cancelled');
    expect(await stockOf(ctx.db, productId)).toBe(stockAfterOrder + 1);
    expect(await orderHistory(ctx.db, order.id)).toEqual([
      expect.objectContaining({ status: 'pending', actor: 'user', reason: null }),
      expect.objectContaining({ status: 'cancelled', actor: 'system', reason: 'payment_declined' }),
    ]);
  });

  it('when a relay published events but died before enqueueing them, then the reconciler sends them and they take effect once', async () => {
    const { order, created } = await placeAndPublish();
    expect(await queues[consumer].getJob(jobIdFor(created.id))).toBeUndefined();

    const worker = await startTestWorker(
      workerConfig(ctx.config, { RECONCILE_AFTER_MS: 200, RECONCILE_INTERVAL_MS: 100 }),
    );
    try {
      await waitForStatus(ctx.db, order.id, 'confirmed');
      await waitFor('order.confirmed to be published too', async () => {
        const events = await outboxEventsOf(ctx.db, order.id);
        return events.length === 2 && events.every((event) => event.publishedAt)
          ? events
          : undefined;
      });
    } finally {
      await worker.close();
    }
    expect(await inboxCount(ctx.db, created.id)).toBe(0);
    expect(await queues[consumer].getJob(jobIdFor(created.id))).toBeDefined();
    expect(await confirmedEventsOf(order.id)).toHaveLength(1);
  });
});
