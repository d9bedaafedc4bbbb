import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createAdmin, createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  workerConfig,
  type ReceivedWebhook,
  type WebhookBehaviour,
} from '../helpers/worker.js';

const ctx = useTestApp();

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe('webhook endpoints: fan-out, delivery log, retry and rotation', () => {
  let admin: SignedIn;
  let user: SignedIn;
  let productId: string;
  let worker: WorkerProcess;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    admin = await createAdmin(ctx.app, ctx.db);
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 10_000 })).id;
    worker = await startTestWorker(
      // Few slots and a long timeout: without per-endpoint isolation, a hanging receiver's
      // deliveries would hold every slot for seconds at a time.
      workerConfig(ctx.config, {
        WEBHOOK_TIMEOUT_MS: 3_000,
        WEBHOOK_ATTEMPTS: 5,
        WORKER_CONCURRENCY: 8,
      }),
    );
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  async function receiver(behaviour?: WebhookBehaviour) {
    const started = await startWebhookReceiver(behaviour);
    receivers.push(started);
    return started;
  }

  async function addEndpoint(url: string, eventTypes?: string[]) {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: admin.headers,
      payload: { url, ...(eventTypes ? { eventTypes } : {}) },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { endpoint: { id: string }; secret: string };
  }

  /** Other tests' endpoints stay subscribed: each test looks only at its own orders. */
  const of = (received: ReceivedWebhook[], orderId: string) =>
    received.filter((webhook) => JSON.parse(webhook.body).data.order.id === orderId);

  const verify = (secret: string, webhook: ReceivedWebhook) =>
    new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>);

  const order = () => placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);

  it('when two endpoints filter different events, then each gets exactly its own, verifiably signed', async () => {
    const createdOnly = await receiver();
    const confirmedOnly = await receiver();
    const a = await addEndpoint(createdOnly.url, ['order.created']);
    const b = await addEndpoint(confirmedOnly.url, ['order.confirmed', 'order.cancelled']);

    const placed = await order();
    await waitForStatus(ctx.db, placed.id, 'confirmed');
    await waitFor('both deliveries', () =>
      of(createdOnly.received, placed.id).length === 1 &&
      of(confirmedOnly.received, placed.id).length === 1
        ? true
        : undefined,
    );
    const [created] = of(createdOnly.received, placed.id);
    const [confirmed] = of(confirmedOnly.received, placed.id);
    expect(verify(a.secret, created!)).toMatchObject({ type: 'order.created' });
    expect(verify(b.secret, confirmed!)).toMatchObject({ type: 'order.confirmed' });
    expect(() => verify(b.secret, created!)).toThrow();
    // Nothing else arrives for this order.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(of(createdOnly.received, placed.id)).toHaveLength(1);
    expect(of(confirmedOnly.received, placed.id)).toHaveLength(1);

    const log = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/webhook-endpoints/${a.endpoint.id}/deliveries?status=succeeded`,
      headers: admin.headers,
    });
    expect(log.json().items[0]).toMatchObject({
      eventType: 'order.created',
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
  });

  it('when one endpoint hangs, then the other gets its deliveries and orders confirm without delay', async () => {
    const hanging = await receiver(() => 'hang');
    const arrivedAt = new Map<string, number>();
    const healthy = await receiver((_index, webhook) => {
      arrivedAt.set(JSON.parse(webhook.body).data.order.id, Date.now());
      return 200;
    });
    await addEndpoint(hanging.url);
    await addEndpoint(healthy.url, ['order.created']);

    // Enough deliveries to the hanging endpoint to fill every slot if it were allowed to.
    const placedAt = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const started = Date.now();
      const placed = await order();
      placedAt.set(placed.id, started);
    }
    const orderIds = [...placedAt.keys()];
    for (const id of orderIds) await waitForStatus(ctx.db, id, 'confirmed', 5_000);
    const latencies = await waitFor('every healthy delivery', () =>
      orderIds.every((id) => arrivedAt.has(id))
        ? orderIds.map((id) => (arrivedAt.get(id) ?? 0) - (placedAt.get(id) ?? 0))
        : undefined,
    );
    const slowest = Math.max(...latencies);
    console.log(
      `healthy endpoint beside a hanging one: slowest delivery ${slowest} ms of ${orderIds.length}`,
    );
    // Sharing slots, the hanging endpoint's 80 deliveries would hold the 8 slots for 3 s each:
    // 30 s before the last healthy one. Isolated, it holds 2 and the healthy ones flow.
    expect(slowest).toBeLessThan(15_000);
  });

  it('when a failed delivery is retried from the log, then it is sent again with the same webhook-id', async () => {
    let answer = 400;
    const flaky = await receiver(() => answer);
    const { endpoint } = await addEndpoint(flaky.url, ['order.created']);
    const placed = await order();
    const failed = await waitFor('the delivery to fail', async () => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries?status=failed`,
        headers: admin.headers,
      });
      return res.json().items[0] as { id: string; lastStatusCode: number } | undefined;
    });
    expect(failed.lastStatusCode).toBe(400);

    answer = 200;
    const retried = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${failed.id}/retry`,
      headers: admin.headers,
    });
    expect(retried.statusCode).toBe(202);
    expect(retried.json().delivery.status).toBe('pending');
    await waitFor('the second attempt', () =>
      of(flaky.received, placed.id).length === 2 ? true : undefined,
    );
    const ids = of(flaky.received, placed.id).map((webhook) => webhook.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);
    const again = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries/${failed.id}/retry`,
      headers: admin.headers,
    });
    // Pending or succeeded by now: only a failed delivery can be retried.
    expect(again.statusCode).toBe(409);
  });

  it('when the secret is rotated, then the next delivery is signed with the new one', async () => {
    const target = await receiver();
    const { endpoint, secret: before } = await addEndpoint(target.url, ['order.created']);
    const first = await order();
    await waitFor('the first delivery', () =>
      of(target.received, first.id).length === 1 ? true : undefined,
    );
    expect(() => verify(before, of(target.received, first.id)[0]!)).not.toThrow();

    const rotated = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/webhook-endpoints/${endpoint.id}/rotate-secret`,
      headers: admin.headers,
    });
    const after = rotated.json().secret as string;
    const second = await order();
    await waitFor('the second delivery', () =>
      of(target.received, second.id).length === 1 ? true : undefined,
    );
    const webhook = of(target.received, second.id)[0]!;
    expect(() => verify(after, webhook)).not.toThrow();
    expect(() => verify(before, webhook)).toThrow();
  });
});
