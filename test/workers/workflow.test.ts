import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { createQueues, jobIdFor } from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  cancelOrderOverHttp,
  enableAsyncContext,
  outboxEvent,
  outboxEventsOf,
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  webhookSecret,
  workerConfig,
} from '../helpers/worker.js';

const ctx = useTestApp();

describe('order workflow (relay → worker → webhook)', () => {
  let worker: WorkerProcess;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let user: SignedIn;
  let productId: string;
  const logs: string[] = [];

  beforeAll(async () => {
    enableAsyncContext();
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 10_000 })).id;
    receiver = await startWebhookReceiver();
    const config = workerConfig(ctx.config, {
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: webhookSecret,
      LOG_LEVEL: 'info',
    });
    worker = await startTestWorker(config, { logs });
  });

  afterAll(async () => {
    await worker?.close();
    await receiver?.close();
  });

  it('when an order is created over HTTP, then it is confirmed and one signed order.created webhook arrives', async () => {
    const started = Date.now();
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 2 }]);
    await waitForStatus(ctx.db, order.id, 'confirmed', 5_000);
    const latencyMs = Date.now() - started;

    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    const deliveries = await waitFor('the order.created webhook', () => {
      const matching = receiver.received.filter((w) => w.headers['webhook-id'] === created.id);
      return matching.length > 0 ? matching : undefined;
    });
    expect(deliveries).toHaveLength(1);
    const [delivery] = deliveries;
    const verified = new Webhook(webhookSecret).verify(
      delivery!.body,
      delivery!.headers as Record<string, string>,
    ) as { id: string; type: string; occurredAt: string; data: { order: { id: string } } };
    expect(verified).toMatchObject({ id: created.id, type: 'order.created' });
    expect(verified.occurredAt).toBe(created.createdAt);
    expect(verified.data.order.id).toBe(order.id);

    // The confirmation is announced in turn, and a client polling the API sees it.
    const confirmed = await waitFor('the order.confirmed webhook', () =>
      receiver.ofType('order.confirmed').find((w) => JSON.parse(w.body).data.order.id === order.id),
    );
    expect(JSON.parse(confirmed.body).data.order.status).toBe('confirmed');
    const fetched = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${order.id}`,
      headers: user.headers,
    });
    expect(fetched.json().order.status).toBe('confirmed');
    console.info(`order created → confirmed (polled) in ${latencyMs} ms`);
  });

  it('when an order is cancelled, then order.cancelled is delivered and the order stays cancelled', async () => {
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
    await cancelOrderOverHttp(ctx.app, user, order.id);

    const cancelled = await waitFor('the order.cancelled webhook', () =>
      receiver.ofType('order.cancelled').find((w) => JSON.parse(w.body).data.order.id === order.id),
    );
    expect(JSON.parse(cancelled.body).data.order.status).toBe('cancelled');
    // order.created is still processed (and notified), but cannot confirm a cancelled order.
    await waitFor('the order.created webhook', () =>
      receiver.ofType('order.created').find((w) => JSON.parse(w.body).data.order.id === order.id),
    );
    await waitFor('every event of the order to be published', async () => {
      const events = await outboxEventsOf(ctx.db, order.id);
      return events.every((event) => event.publishedAt) ? events : undefined;
    });
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.map((event) => event.type).sort()).toEqual(['order.cancelled', 'order.created']);
    await waitForStatus(ctx.db, order.id, 'cancelled');
  });

  it('when the request carried a traceparent, then the consumer continues that trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }], {
      traceparent,
      tracestate: 'vendor=value',
    });
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    expect(created.traceparent).toBe(traceparent);
    await waitForStatus(ctx.db, order.id, 'confirmed');

    // The job data carries the stored context explicitly.
    const queues = createQueues(ctx.redis, ctx.config);
    try {
      const job = await queues['authorize-payment'].getJob(jobIdFor(created.id));
      expect(job?.data).toMatchObject({ traceparent, tracestate: 'vendor=value' });
    } finally {
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
    }

    // The outgoing webhook's traceparent comes from the undici instrumentation, so it needs the
    // SDK: test/telemetry/order-trace.test.ts checks it.
    // Logs of the job carry the trace id, and order.confirmed continues the same trace.
    const processed = await waitFor('the job log line', () =>
      logs
        .map((line) => JSON.parse(line))
        .find(
          (line) =>
            line.eventId === created.id &&
            line.job === 'authorize-payment' &&
            line.msg === 'job processed',
        ),
    );
    expect(processed).toMatchObject({ traceId, outcome: 'confirmed' });
    const confirmedEvent = await outboxEvent(ctx.db, order.id, 'order.confirmed');
    expect(confirmedEvent.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    expect(confirmedEvent.tracestate).toBe('vendor=value');
  });
});
