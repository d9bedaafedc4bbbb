import { sql } from 'slonik';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publishOutboxEvents } from '../../src/db/outbox.js';
import { insertWebhookEndpoint } from '../../src/db/webhook-endpoints.js';
import { orderEventTypes } from '../../src/domain/orders/events.js';
import {
  createWebhookQueue,
  deliveryJobIdFor,
  enabledSubscriptions,
  type WebhookQueue,
} from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { sleep, waitFor } from '../helpers/process.js';
import {
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  webhookSecret,
  workerConfig,
} from '../helpers/worker.js';

const ctx = useTestApp();

describe('webhook deliveries whose relay died before enqueueing them', () => {
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let webhookQueue: WebhookQueue;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    webhookQueue = createWebhookQueue(ctx.redis, ctx.config);
  });
  afterAll(async () => {
    await webhookQueue?.close();
    await receiver?.close();
  });

  const statusesOf = (deliveryIds: readonly string[]) =>
    ctx.db.anyFirst(sql.type(z.object({ status: z.string() }))`
      SELECT status FROM webhook_deliveries WHERE id = ANY(${sql.array(deliveryIds, 'uuid')})`);

  it('when the relay committed the deliveries but never enqueued them, then the reconciler sends each exactly once', async () => {
    await insertWebhookEndpoint(ctx.db, {
      url: receiver.url,
      secret: webhookSecret,
      eventTypes: orderEventTypes,
      description: null,
    });
    const user = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db, { stock: 100 });
    for (let i = 0; i < 3; i++) {
      await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 1 }]);
    }
    // The relay's statement, without the enqueue that follows it.
    const published = await publishOutboxEvents(ctx.db, 1_000, enabledSubscriptions(ctx.config));
    const eventIds = published.map(({ event }) => event.id);
    const deliveryIds = published.flatMap((event) => event.deliveryIds);
    expect(eventIds).toHaveLength(3);
    expect(deliveryIds).toHaveLength(3);
    const jobs = await webhookQueue.getJobCounts();
    expect(Object.values(jobs).reduce((sum, count) => sum + count, 0)).toBe(0);

    const logs: string[] = [];
    const worker = await startTestWorker(
      workerConfig(ctx.config, {
        RECONCILE_AFTER_MS: 200,
        RECONCILE_INTERVAL_MS: 100,
        LOG_LEVEL: 'warn',
      }),
      { logs },
    );
    try {
      await waitFor('every delivery to succeed', async () =>
        (await statusesOf(deliveryIds)).every((status) => status === 'succeeded')
          ? true
          : undefined,
      );
      // Many reconciler passes later, none was sent again.
      await sleep(1_000);
    } finally {
      await worker.close();
    }

    const received = receiver.received
      .map((webhook) => String(webhook.headers['webhook-id']))
      .filter((id) => eventIds.includes(id));
    expect(received.sort()).toEqual([...eventIds].sort());
    const resent = logs
      .map((line) => JSON.parse(line) as { msg?: string; deliveryId?: string })
      .filter((line) => line.msg === 'webhook delivery job was missing; sent again')
      .map((line) => line.deliveryId);
    expect(resent.sort()).toEqual([...deliveryIds].sort());
    for (const deliveryId of deliveryIds) {
      expect(await webhookQueue.getJobState(deliveryJobIdFor(deliveryId))).toBe('completed');
    }
  });
});
