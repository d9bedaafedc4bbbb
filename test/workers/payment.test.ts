import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { stockOf } from '../api/orders/orders.js';
import { scrape, valueOf } from '../metrics/scrape.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import {
  orderLedger,
  paymentSecret,
  startPaymentStub,
  type PaymentAnswer,
  type PaymentRequest,
} from '../helpers/payment.js';
import { sleep, waitFor } from '../helpers/process.js';
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
const timeoutMs = 300;

describe('payment authorization (PAYMENT_URL set)', () => {
  let worker: WorkerProcess;
  let stub: Awaited<ReturnType<typeof startPaymentStub>>;
  let user: SignedIn;
  /**
   * How the stub answers, attempt by attempt (the last answer repeats), by amount: each scenario
   * prices its product apart, so its script is known before its order id is.
   */
  const scripts = new Map<number, PaymentAnswer[]>();
  let nextPrice = 1_000;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    stub = await startPaymentStub((request: PaymentRequest) => {
      const { amountCents } = JSON.parse(request.body) as { amountCents: number };
      const script = scripts.get(amountCents) ?? [500];
      return script[Math.min(request.attempt, script.length - 1)]!;
    });
    worker = await startTestWorker(
      workerConfig(ctx.config, {
        PAYMENT_URL: stub.url,
        PAYMENT_SECRET: paymentSecret,
        PAYMENT_TIMEOUT_MS: timeoutMs,
        WEBHOOK_ATTEMPTS: 10,
      }),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await stub?.close();
  });

  /** An order of 3 from a fresh product of 10, whose payment the stub answers as scripted. */
  async function orderAnswered(script: PaymentAnswer[]) {
    const priceCents = nextPrice++;
    scripts.set(3 * priceCents, script);
    const product = await createProduct(ctx.db, { stock: 10, priceCents });
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 3 }]);
    return { order, product };
  }

  it('when the endpoint answers 2xx, then the order is confirmed once, with a signed request naming the amount, and stock stays taken', async () => {
    const { order, product } = await orderAnswered([200]);
    await waitForStatus(ctx.db, order.id, 'confirmed');

    const requests = stub.about(order.id);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(JSON.parse(request!.body)).toEqual({
      orderId: order.id,
      userId: user.userId,
      amountCents: order.totalCents,
      currency: 'USD',
    });
    expect(request!.headers['webhook-id']).toBe(order.id);
    expect(() =>
      new Webhook(paymentSecret).verify(request!.body, request!.headers as Record<string, string>),
    ).not.toThrow();
    expect(await stockOf(ctx.db, product.id)).toBe(7);
    expect(await orderLedger(ctx.db, order.id)).toEqual({
      status: 'confirmed',
      history: ['pending', 'confirmed'],
      events: ['order.created', 'order.confirmed'],
    });
  });

  it('when the endpoint answers 402, then the order is cancelled for payment_declined and its stock comes back, once', async () => {
    const { order, product } = await orderAnswered([402]);
    await waitForStatus(ctx.db, order.id, 'cancelled');

    expect(stub.about(order.id)).toHaveLength(1);
    expect(await stockOf(ctx.db, product.id)).toBe(10);
    expect(await orderLedger(ctx.db, order.id)).toEqual({
      status: 'cancelled',
      history: ['pending', 'cancelled'],
      events: ['order.created', 'order.cancelled'],
    });
    expect((await orderHistory(ctx.db, order.id))[1]).toMatchObject({
      actor: 'system',
      reason: 'payment_declined',
    });
    const cancelled = await outboxEvent(ctx.db, order.id, 'order.cancelled');
    expect(cancelled.payload).toMatchObject({ from: 'pending', reason: 'payment_declined' });
  });

  it('when the endpoint answers 500, then 404, then 2xx, then it is asked again with the same webhook-id until the order is confirmed', async () => {
    const { order, product } = await orderAnswered([500, 404, 200]);
    await waitForStatus(ctx.db, order.id, 'confirmed');

    const requests = stub.about(order.id);
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([order.id]));
    expect(await stockOf(ctx.db, product.id)).toBe(7);
    expect((await orderLedger(ctx.db, order.id)).history).toEqual(['pending', 'confirmed']);
  });

  it('when the first call times out, then the retry that is answered 2xx confirms the order', async () => {
    const { order, product } = await orderAnswered(['hang', 200]);
    const started = Date.now();
    await waitForStatus(ctx.db, order.id, 'confirmed');

    expect(Date.now() - started).toBeGreaterThanOrEqual(timeoutMs);
    expect(stub.about(order.id)).toHaveLength(2);
    expect(await stockOf(ctx.db, product.id)).toBe(7);
    expect((await orderLedger(ctx.db, order.id)).events).toEqual([
      'order.created',
      'order.confirmed',
    ]);
  });

  it('when the order was cancelled before the endpoint answered, then the late 2xx changes nothing and no retry asks again', async () => {
    const { order, product } = await orderAnswered([{ status: 200, afterMs: 500 }]);
    await waitFor('the payment request', () => stub.about(order.id)[0]);
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${order.id}/cancel`,
      headers: user.headers,
    });
    expect(cancelled.statusCode).toBe(200);

    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    await waitFor('the event to be applied', async () =>
      (await inboxCount(ctx.db, created.id)) === 0 ? true : undefined,
    );
    await sleep(300);
    expect(stub.about(order.id)).toHaveLength(1);
    expect(await stockOf(ctx.db, product.id)).toBe(10);
    expect(await orderLedger(ctx.db, order.id)).toEqual({
      status: 'cancelled',
      history: ['pending', 'cancelled'],
      events: ['order.created', 'order.cancelled'],
    });
  });

  it('when calls were made, then the worker counts them by outcome and times them', async () => {
    const samples = await scrape(worker.http);
    for (const outcome of ['authorized', 'declined', 'failed', 'timeout']) {
      expect(
        valueOf(samples, 'payment_authorizations_total', { outcome }),
        outcome,
      ).toBeGreaterThan(0);
    }
    expect(valueOf(samples, 'payment_duration_seconds_count')).toBe(
      valueOf(samples, 'payment_authorizations_total'),
    );
  });
});
