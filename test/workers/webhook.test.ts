import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { sql } from 'slonik';
import { z } from 'zod';
import { createWebhookQueue, deliveryJobIdFor, type WebhookQueue } from '../../src/queues.js';
import { exponentialJitterBackoff } from '../../src/workers/signed-post.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { sleep, waitFor } from '../helpers/process.js';
import {
  outboxEvent,
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  webhookSecret,
  workerConfig,
  type WebhookBehaviour,
} from '../helpers/worker.js';

const ctx = useTestApp();

describe('webhook delivery', () => {
  let user: SignedIn;
  let productId: string;
  let queue: WebhookQueue;
  let running: {
    worker: WorkerProcess;
    receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  };

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    queue = createWebhookQueue(ctx.redis, ctx.config);
  });

  afterEach(async () => {
    await running?.worker.close();
    await running?.receiver.close();
  });

  afterAll(async () => {
    await queue?.close();
  });

  /** A worker whose webhook receiver answers order.created with `behaviour`, everything else 200. */
  async function run(behaviour: WebhookBehaviour) {
    let createdIndex = 0;
    const receiver = await startWebhookReceiver((_index, request) =>
      JSON.parse(request.body).type === 'order.created' ? behaviour(createdIndex++, request) : 200,
    );
    const config = workerConfig(ctx.config, {
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET: webhookSecret,
      WEBHOOK_TIMEOUT_MS: 300,
      WEBHOOK_ATTEMPTS: 3,
    });
    running = { worker: await startTestWorker(config), receiver };
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    // The bootstrap endpoint (WEBHOOK_URL) gets one delivery of the event, sent by its own job.
    const deliveryId = await waitFor(
      'the delivery of order.created',
      async () =>
        (await ctx.db.maybeOneFirst(sql.type(z.object({ id: z.uuid() }))`
          SELECT id FROM webhook_deliveries WHERE event_id = ${created.id}`)) ?? undefined,
    );
    return { order, created, receiver, jobId: deliveryJobIdFor(deliveryId) };
  }

  it('when the receiver hangs, then the attempt times out and is retried with the same webhook-id', async () => {
    const { created, receiver, jobId } = await run((index) => (index === 0 ? 'hang' : 200));

    await waitFor('the retry', async () =>
      (await queue.getJobState(jobId)) === 'completed' ? true : undefined,
    );
    const attempts = receiver.ofType('order.created');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((attempt) => attempt.headers['webhook-id'])).toEqual([
      created.id,
      created.id,
    ]);
    const job = await queue.getJob(jobId);
    expect(job?.attemptsMade).toBe(2);
    expect(job?.stacktrace?.join('\n')).toMatch(/timeout after 300 ms/);
  });

  it('when the receiver answers 500 then 200, then the event is delivered on the retry', async () => {
    const { receiver, jobId } = await run((index) => (index === 0 ? 500 : 200));

    await waitFor('the retry', async () =>
      (await queue.getJobState(jobId)) === 'completed' ? true : undefined,
    );
    expect(receiver.ofType('order.created')).toHaveLength(2);
    const job = await queue.getJob(jobId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(2);
  });

  it('when the receiver answers 400, then the job fails at once, is not retried and is kept as a dead letter', async () => {
    const { order, created, receiver, jobId } = await run(() => 400);

    const job = await failedJob(queue, 'the job to fail', jobId);
    expect(job.failedReason).toBe('HTTP 400');
    expect(await job.getState()).toBe('failed');
    // Longer than every backoff the retries would have used.
    await sleep(500);
    expect(receiver.ofType('order.created')).toHaveLength(1);
    const failed = await queue.getFailed();
    expect(failed.map((kept) => kept.id)).toContain(jobId);
    // Webhooks notify; they do not gate the workflow.
    await waitForStatus(ctx.db, order.id, 'confirmed');
    await waitFor('the delivery to be recorded as failed', async () =>
      (await ctx.db.oneFirst(sql.type(z.object({ status: z.string() }))`
        SELECT status FROM webhook_deliveries WHERE event_id = ${created.id}`)) === 'failed'
        ? true
        : undefined,
    );
  });

  it('when the receiver keeps failing, then the job stops after WEBHOOK_ATTEMPTS and stays failed', async () => {
    const { receiver, jobId } = await run(() => 503);

    const job = await failedJob(queue, 'the job to fail for good', jobId);
    expect(job.attemptsMade).toBe(3);
    expect(receiver.ofType('order.created')).toHaveLength(3);
  });
});

/**
 * Waits for the job's state, then reads the job: read the other way round, a job fetched just
 * before it failed can show state 'failed' with its failure fields still unset.
 */
async function failedJob(queue: WebhookQueue, what: string, jobId: string) {
  await waitFor(what, async () =>
    (await queue.getJobState(jobId)) === 'failed' ? true : undefined,
  );
  const job = await queue.getJob(jobId);
  if (!job) throw new Error(`job ${jobId} vanished after failing`);
  return job;
}

describe('webhook backoff', () => {
  it('when attempts grow, then the delay doubles within jitter and stops at the cap', () => {
    const backoff = exponentialJitterBackoff(1_000, 8_000);
    for (let i = 0; i < 100; i++) {
      const first = backoff(1);
      const third = backoff(3);
      const tenth = backoff(10);
      expect(first).toBeGreaterThanOrEqual(500);
      expect(first).toBeLessThanOrEqual(1_000);
      expect(third).toBeGreaterThanOrEqual(2_000);
      expect(third).toBeLessThanOrEqual(4_000);
      expect(tenth).toBeGreaterThanOrEqual(4_000);
      expect(tenth).toBeLessThanOrEqual(8_000);
    }
  });
});
