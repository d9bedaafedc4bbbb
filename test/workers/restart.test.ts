import { afterAll, describe, expect, it } from 'vitest';
import { stockOf } from '../api/orders/orders.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import {
  orderLedger,
  paymentSecret,
  startPaymentStub,
  type PaymentAnswer,
} from '../helpers/payment.js';
import { spawnEntry, waitFor, type SpawnedProcess } from '../helpers/process.js';
import { orderStatus, placeOrderOverHttp } from '../helpers/worker.js';

const ctx = useTestApp();

/** Each kind of order is priced apart, so the stub knows from the amount how to answer. */
const kinds = {
  authorized: { priceCents: 1_001, ends: 'confirmed' },
  declined: { priceCents: 1_002, ends: 'cancelled' },
  flaky: { priceCents: 1_003, ends: 'confirmed' },
  silent: { priceCents: 1_004, ends: 'expired' },
} as const;
type Kind = keyof typeof kinds;

function answerFor(amountCents: number, attempt: number): PaymentAnswer {
  if (amountCents === kinds.declined.priceCents) return { status: 402, afterMs: 300 };
  if (amountCents === kinds.flaky.priceCents) return attempt < 2 ? 500 : 200;
  if (amountCents === kinds.silent.priceCents) return 'hang';
  return { status: 200, afterMs: 300 };
}

describe('a worker killed in the middle of the workflow', () => {
  const processes: SpawnedProcess[] = [];
  let stub: Awaited<ReturnType<typeof startPaymentStub>> | undefined;

  afterAll(async () => {
    for (const process of processes) await process.kill();
    await stub?.close();
  });

  it('when it is restarted, then every order ends confirmed or final, with one history entry and one event per transition, and stock conserved', async () => {
    stub = await startPaymentStub((request) =>
      // Orders are of 2 units.
      answerFor(
        (JSON.parse(request.body) as { amountCents: number }).amountCents / 2,
        request.attempt,
      ),
    );
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: ctx.config.DATABASE_URL,
      REDIS_URL: ctx.config.REDIS_URL,
      REDIS_KEY_PREFIX: ctx.config.REDIS_KEY_PREFIX,
      WORKER_PORT: '0',
      WORKER_LOCK_MS: '3000',
      RELAY_POLL_MAX_MS: '200',
      RECONCILE_INTERVAL_MS: '500',
      RECONCILE_AFTER_MS: '3000',
      PAYMENT_URL: stub.url,
      PAYMENT_SECRET: paymentSecret,
      PAYMENT_TIMEOUT_MS: '2000',
      WEBHOOK_ATTEMPTS: '100',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_BACKOFF_MAX_MS: '300',
      ORDER_PENDING_TTL: '30',
      ORDER_EXPIRY_SWEEP_MS: '200',
    };
    const user = await registerAndLogIn(ctx.app);
    const products = Object.fromEntries(
      await Promise.all(
        Object.entries(kinds).map(async ([kind, { priceCents }]) => [
          kind,
          await createProduct(ctx.db, { stock: 100, priceCents }),
        ]),
      ),
    ) as Record<Kind, { id: string }>;
    const first = spawnEntry('src/workers/main.ts', env);
    processes.push(first);
    await waitFor(
      'the worker to start',
      () => (first.output().includes('worker started') ? true : undefined),
      60_000,
    );

    const orders = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const kind = (Object.keys(kinds) as Kind[])[i % 4]!;
        const order = await placeOrderOverHttp(ctx.app, user, [
          { productId: products[kind].id, quantity: 2 },
        ]);
        return { id: order.id, kind };
      }),
    );
    // Killed with work at every stage: some orders settled, payment calls and retries in flight.
    await waitFor(
      'some orders to be confirmed',
      async () => {
        const statuses = await Promise.all(orders.map((o) => orderStatus(ctx.db, o.id)));
        return statuses.filter((s) => s === 'confirmed').length >= 5 ? true : undefined;
      },
      30_000,
    );
    await first.kill();
    const pendingAtKill = (await Promise.all(orders.map((o) => orderStatus(ctx.db, o.id)))).filter(
      (s) => s === 'pending',
    ).length;
    expect(pendingAtKill).toBeGreaterThan(0);

    const second = spawnEntry('src/workers/main.ts', env);
    processes.push(second);
    const ledgers = await waitFor(
      'every order to settle',
      async () => {
        const all = await Promise.all(orders.map((o) => orderLedger(ctx.db, o.id)));
        return all.every((l) => l.status !== 'pending') ? all : undefined;
      },
      90_000,
      200,
    );

    orders.forEach((order, i) => {
      const expected = kinds[order.kind].ends;
      expect({ kind: order.kind, ...ledgers[i] }).toEqual({
        kind: order.kind,
        status: expected,
        history: ['pending', expected],
        events: ['order.created', `order.${expected}`],
      });
    });
    expect(await stockOf(ctx.db, products.authorized.id)).toBe(80);
    expect(await stockOf(ctx.db, products.flaky.id)).toBe(80);
    expect(await stockOf(ctx.db, products.declined.id)).toBe(100);
    expect(await stockOf(ctx.db, products.silent.id)).toBe(100);
    console.info(
      `${pendingAtKill} of ${orders.length} orders were pending when the worker was killed`,
    );
  }, 180_000);
});
