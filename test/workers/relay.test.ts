import { randomUUID } from 'node:crypto';
import { sql } from 'slonik';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { placeOrder } from '../../src/db/orders.js';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { sleep, waitFor } from '../helpers/process.js';
import { outboxEventsOf, startTestWorker, workerConfig } from '../helpers/worker.js';

const ctx = useTestApp();

describe('outbox relay without NOTIFY', () => {
  let user: SignedIn;
  let productId: string;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
  });

  /** Writes an order straight through SQL: no API, so nobody nudges the relay. */
  const writeOrderQuietly = async () => {
    const orderId = randomUUID();
    await placeOrder(ctx.db, {
      orderId,
      eventId: randomUUID(),
      userId: user.userId,
      items: [{ productId, quantity: 1 }],
      idempotency: null,
      trace: { traceparent: null, tracestate: null },
    });
    return orderId;
  };

  /** Milliseconds from the order's commit until its order.created was published. */
  const publishedAfter = async (orderId: string) => {
    const started = Date.now();
    await waitFor(
      'order.created to be published',
      async () => ((await outboxEventsOf(ctx.db, orderId))[0]?.publishedAt ? true : undefined),
      10_000,
      5,
    );
    return Date.now() - started;
  };

  it('when the database has no trigger on the outbox, then an idle relay still publishes a new event within RELAY_POLL_MAX_MS', async () => {
    const triggers = await ctx.db.oneFirst(sql.type(z.object({ count: z.number() }))`
      SELECT count(*)::int AS count FROM pg_trigger
      WHERE tgrelid = 'outbox'::regclass AND NOT tgisinternal`);
    expect(triggers).toBe(0);
    const pollMaxMs = 1_000;
    worker = await startTestWorker(workerConfig(ctx.config, { RELAY_POLL_MAX_MS: pollMaxMs }));
    // Long enough for the relay to back off to its longest wait.
    await sleep(3 * pollMaxMs);

    const latencies = [];
    for (let i = 0; i < 3; i++) latencies.push(await publishedAfter(await writeOrderQuietly()));

    console.info(`idle relay, no nudge: published after ${latencies.join(', ')} ms`);
    for (const latency of latencies) expect(latency).toBeLessThan(pollMaxMs + 250);
  });

  it('when the API writes an event, then its nudge wakes an idle relay at once', async () => {
    worker = await startTestWorker(workerConfig(ctx.config, { RELAY_POLL_MAX_MS: 10_000 }));
    await sleep(2_000);

    const started = Date.now();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: user.headers,
      payload: { items: [{ productId, quantity: 1 }] },
    });
    expect(response.statusCode).toBe(201);
    await publishedAfter(response.json().order.id);
    const latency = Date.now() - started;

    console.info(`idle relay, nudged: published after ${latency} ms`);
    expect(latency).toBeLessThan(500);
  });
});
