import { sql } from 'slonik';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createWebhookQueue, type WebhookQueue } from '../../src/queues.js';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createAdmin, createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  inboxCount,
  outboxEventsOf,
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  workerConfig,
} from '../helpers/worker.js';

const ctx = useTestApp();

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

// The tests run in order: endpoints added by one stay for the next.
describe('the relay creates deliveries only for the endpoints subscribed to an event when it publishes it', () => {
  let admin: SignedIn;
  let user: SignedIn;
  let productId: string;
  let worker: WorkerProcess;
  let webhookQueue: WebhookQueue;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    admin = await createAdmin(ctx.app, ctx.db);
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    webhookQueue = createWebhookQueue(ctx.redis, ctx.config);
    worker = await startTestWorker(workerConfig(ctx.config));
  });
  afterAll(async () => {
    await worker?.close();
    await webhookQueue?.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  async function addEndpoint(eventTypes?: string[]) {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      headers: admin.headers,
      payload: { url: receiver.url, ...(eventTypes ? { eventTypes } : {}) },
    });
    expect(res.statusCode).toBe(201);
    return { receiver, endpointId: z.uuid().parse(res.json().endpoint.id) };
  }

  /** Places an order, waits until it is confirmed and both its events are published. */
  async function confirmedOrder() {
    const placed = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
    await waitForStatus(ctx.db, placed.id, 'confirmed');
    return waitFor('order.created and order.confirmed published', async () => {
      const events = await outboxEventsOf(ctx.db, placed.id);
      return events.length === 2 && events.every((event) => event.publishedAt) ? events : undefined;
    });
  }

  /** The endpoints an event has a delivery for. */
  const deliveredTo = (eventId: string) =>
    ctx.db.anyFirst(sql.type(z.object({ endpointId: z.uuid() }))`
      SELECT endpoint_id AS "endpointId" FROM webhook_deliveries WHERE event_id = ${eventId}`);
  const receivedIds = (receiver: Receiver) =>
    receiver.received.map((webhook) => JSON.parse(webhook.body).id as string);

  it('when no endpoint exists, then no delivery is created, no send-webhook job is enqueued and the order is still confirmed', async () => {
    const events = await confirmedOrder();

    for (const event of events) {
      expect(await deliveredTo(event.id)).toEqual([]);
      expect(await inboxCount(ctx.db, event.id)).toBe(0);
    }
    const counts = await webhookQueue.getJobCounts();
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('when the only endpoint takes order.confirmed, then order.created gets no delivery', async () => {
    const { receiver, endpointId } = await addEndpoint(['order.confirmed']);
    const [created, confirmed] = await confirmedOrder();

    expect(await deliveredTo(created!.id)).toEqual([]);
    expect(await deliveredTo(confirmed!.id)).toEqual([endpointId]);
    await waitFor('order.confirmed delivered', () =>
      receivedIds(receiver).includes(confirmed!.id) ? true : undefined,
    );
    expect(receivedIds(receiver)).not.toContain(created!.id);
  });

  it('when an endpoint is created before an event, then it receives the event', async () => {
    const { receiver } = await addEndpoint();
    const events = await confirmedOrder();

    const delivered = await waitFor('both events delivered', () => {
      const ids = receivedIds(receiver);
      return events.every((event) => ids.includes(event.id)) ? ids : undefined;
    });
    expect(delivered).toHaveLength(2);
  });

  it('when an endpoint is created after an event was published, then it gets no delivery of that event', async () => {
    const earlier = await confirmedOrder();
    const { receiver, endpointId } = await addEndpoint();
    const later = await confirmedOrder();

    await waitFor('the later events delivered', () =>
      later.every((event) => receivedIds(receiver).includes(event.id)) ? true : undefined,
    );
    for (const event of earlier) {
      expect(await deliveredTo(event.id)).not.toContain(endpointId);
      expect(receivedIds(receiver)).not.toContain(event.id);
    }
  });
});
