import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, jobIdFor, type Queues } from '../../src/queues.js';
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
describe('the relay hands an event to deliver-webhook only when an endpoint subscribes to it', () => {
  let admin: SignedIn;
  let user: SignedIn;
  let productId: string;
  let worker: WorkerProcess;
  let queues: Queues;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    admin = await createAdmin(ctx.app, ctx.db);
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    queues = createQueues(ctx.redis, ctx.config);
    worker = await startTestWorker(workerConfig(ctx.config));
  });
  afterAll(async () => {
    await worker?.close();
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
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
    return receiver;
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

  const webhookJobState = (eventId: string) =>
    queues['deliver-webhook'].getJobState(jobIdFor(eventId));

  it('when no endpoint exists, then no deliver-webhook job is enqueued and the order is still confirmed', async () => {
    const events = await confirmedOrder();

    for (const event of events) {
      expect(await webhookJobState(event.id)).toBe('unknown');
      expect(await inboxCount(ctx.db, event.id)).toBe(0);
    }
    const counts = await queues['deliver-webhook'].getJobCounts();
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(0);
  });

  it('when the only endpoint takes order.confirmed, then order.created gets no deliver-webhook job', async () => {
    const receiver = await addEndpoint(['order.confirmed']);
    const [created, confirmed] = await confirmedOrder();

    expect(await webhookJobState(created!.id)).toBe('unknown');
    await waitFor('order.confirmed delivered', () =>
      receiver.received.some((webhook) => JSON.parse(webhook.body).id === confirmed!.id)
        ? true
        : undefined,
    );
  });

  it('when an endpoint is created before an event, then it receives the event', async () => {
    const receiver = await addEndpoint();
    const events = await confirmedOrder();

    const delivered = await waitFor('both events delivered', () => {
      const ids = receiver.received.map((webhook) => JSON.parse(webhook.body).id as string);
      return events.every((event) => ids.includes(event.id)) ? ids : undefined;
    });
    expect(delivered).toHaveLength(2);
  });
});
