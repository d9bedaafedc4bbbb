import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerProcess } from '../../src/workers/server.js';
import { createQueues, jobIdFor, type Queues } from '../../src/queues.js';
import { exponentialJitterBackoff } from '../../src/workers/signed-post.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { sleep, waitFor } from '../helpers/process.js';
import {
  deadLetters,
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
  let queues: Queues;
  let running: {
    worker: WorkerProcess;
    receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  };

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    queues = createQueues(ctx.redis, ctx.config);
  });

  afterEach(async () => {
    await running?.worker.close();
    await running?.receiver.close();
  });

  afterAll(async () => {
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
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
    return { order, created, receiver };
  }

  it('when the receiver hangs, then the attempt times out and is retried with the same webhook-id', async () => {
    const { created, receiver } = await run((index) => (index === 0 ? 'hang' : 200));

    await waitFor('the retry', async () =>
      (await queues['deliver-webhook'].getJobState(jobIdFor(created.id))) === 'completed'
        ? true
        : undefined,
    );
    const attempts = receiver.ofType('order.created');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((attempt) => attempt.headers['webhook-id'])).toEqual([
      created.id,
      created.id,
    ]);
    const job = await queues['deliver-webhook'].getJob(jobIdFor(created.id));
    expect(job?.attemptsMade).toBe(2);
    expect(job?.stacktrace?.join('\n')).toMatch(/timeout after 300 ms/);
  });

  it('when the receiver answers 500 then 200, then the event is delivered on the retry', async () => {
    const { created, receiver } = await run((index) => (index === 0 ? 500 : 200));

    await waitFor('the retry', async () =>
      (await queues['deliver-webhook'].getJobState(jobIdFor(created.id))) === 'completed'
        ? true
        : undefined,
    );
    expect(receiver.ofType('order.created')).toHaveLength(2);
    const job = await queues['deliver-webhook'].getJob(jobIdFor(created.id));
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(2);
  });

  it('when the receiver answers 400, then the job fails at once, is not retried and is kept as a dead letter', async () => {
    const { order, created, receiver } = await run(() => 400);

    const job = await failedJob(queues['deliver-webhook'], 'the job to fail', jobIdFor(created.id));
    expect(job.failedReason).toBe('HTTP 400');
    expect(await job.getState()).toBe('failed');
    // Longer than every backoff the retries would have used.
    await sleep(500);
    expect(receiver.ofType('order.created')).toHaveLength(1);
    const failed = await queues['deliver-webhook'].getFailed();
    expect(failed.map((kept) => kept.id)).toContain(jobIdFor(created.id));
    // Webhooks notify; they do not gate the workflow.
    await waitForStatus(ctx.db, order.id, 'confirmed');
    await waitFor('the dead letter to be recorded', async () =>
      (await deadLetters(ctx.db, created.id)) === 1 ? true : undefined,
    );
  });

  it('when the receiver keeps failing, then the job stops after WEBHOOK_ATTEMPTS and stays failed', async () => {
    const { created, receiver } = await run(() => 503);

    const job = await failedJob(
      queues['deliver-webhook'],
      'the job to fail for good',
      jobIdFor(created.id),
    );
    expect(job.attemptsMade).toBe(3);
    expect(receiver.ofType('order.created')).toHaveLength(3);
  });
});

/**
 * Waits for the job's state, then reads the job: read the other way round, a job fetched just
 * before it failed can show state 'failed' with its failure fields still unset.
 */
async function failedJob(queue: Queues['deliver-webhook'], what: string, jobId: string) {
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
