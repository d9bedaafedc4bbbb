import { sql } from 'slonik';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { insertWebhookEndpoint } from '../../src/db/webhook-endpoints.js';
import { refusedDestination } from '../../src/domain/webhooks/destination.js';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  webhookSecret,
  workerConfig,
} from '../helpers/worker.js';

// Production mode: the SSRF guard is on in the worker too.
const ctx = useTestApp({
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
});

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['::1', 'loopback'],
    ['fd00:ec2::254', 'uniqueLocal'],
  ])('when a host resolves to %s, then it is refused as %s', async (address, range) => {
    const refused = await refusedDestination('https://hooks.example.com/', async () => [
      '93.184.215.14',
      address,
    ]);
    expect(refused).toContain(range);
  });

  it('when every address is public, then nothing is refused', async () => {
    expect(
      await refusedDestination('https://hooks.example.com/', async () => ['93.184.215.14']),
    ).toBeNull();
  });

  describe('at send time', () => {
    let worker: WorkerProcess;
    let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

    beforeAll(async () => {
      receiver = await startWebhookReceiver();
      worker = await startTestWorker(workerConfig(ctx.config));
    });
    afterAll(async () => {
      await worker?.close();
      await receiver?.close();
    });

    it('when an endpoint resolves to loopback by the time it is sent to, then the delivery fails for good unsent', async () => {
      // As if its DNS answer changed after it was saved: the row is written past the API's check.
      await insertWebhookEndpoint(ctx.db, {
        url: receiver.url.replace('127.0.0.1', 'localhost'),
        secret: webhookSecret,
        eventTypes: ['order.created'],
        description: null,
      });
      const user = await registerAndLogIn(ctx.app);
      const product = await createProduct(ctx.db);
      const order = await placeOrderOverHttp(ctx.app, user, [
        { productId: product.id, quantity: 1 },
      ]);
      // Webhooks do not gate the workflow.
      await waitForStatus(ctx.db, order.id, 'confirmed');
      const delivery = await waitFor(
        'the refused delivery',
        async () =>
          (await ctx.db.maybeOne(sql.type(
            z.object({ status: z.string(), lastError: z.string().nullable() }),
          )`
          SELECT d.status, d.last_error AS "lastError" FROM webhook_deliveries d
          JOIN outbox o ON o.id = d.event_id
          WHERE o.aggregate_id = ${order.id} AND d.status = 'failed'`)) ?? undefined,
      );
      expect(delivery.lastError).toMatch(/localhost resolves to a loopback address/);
      expect(receiver.received).toHaveLength(0);
    });
  });
});
