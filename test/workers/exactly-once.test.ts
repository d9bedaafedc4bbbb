import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../src/domain/orders/events.js';
import { relayOutboxBatch } from '../../src/domain/workflow/relay-outbox.js';
import type { WorkflowDeps } from '../../src/domain/workflow/deps.js';
import { jobHandlers } from '../../src/workers/jobs/index.js';
import { createQueues, jobIdFor, jobOptions, type Queues } from '../../src/queues.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  cancelOrderOverHttp,
  inboxCount,
  orderStatus,
  outboxEvent,
  outboxEventsOf,
  placeOrderOverHttp,
  startTestWorker,
  waitForStatus,
  workerConfig,
  workflowCounts,
} from '../helpers/worker.js';

const ctx = useTestApp();

/** Handlers run directly, as a worker would on a redelivered job (no webhook configured). */
describe('exactly-once effects', () => {
  let user: SignedIn;
  let productId: string;
  let deps: WorkflowDeps;
  let queues: Queues;

  beforeAll(async () => {
    user = await registerAndLogIn(ctx.app);
    productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
    deps = { db: ctx.db, deliver: async () => {} };
    queues = createQueues(ctx.redis, ctx.config);
  });

  afterAll(async () => {
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  });

  const place = () => placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 1 }]);

  it('when the same order.created is processed twice, then the order is confirmed once', async () => {
    const order = await place();
    const created = await outboxEvent(ctx.db, order.id, 'order.created');

    expect(await jobHandlers['order.created'](deps, created)).toBe('confirmed');
    expect(await jobHandlers['order.created'](deps, created)).toBe('duplicate');

    expect(await orderStatus(ctx.db, order.id)).toBe('confirmed');
    expect(await inboxCount(ctx.db, created.id)).toBe(1);
    const confirmedEvents = (await outboxEventsOf(ctx.db, order.id)).filter(
      (event) => event.eventType === 'order.confirmed',
    );
    expect(confirmedEvents).toHaveLength(1);
  });

  it('when two deliveries of one event run at the same time, then exactly one confirms', async () => {
    const order = await place();
    const created = await outboxEvent(ctx.db, order.id, 'order.created');

    const outcomes = await Promise.all([
      jobHandlers['order.created'](deps, created),
      jobHandlers['order.created'](deps, created),
    ]);
    expect(outcomes.sort()).toEqual(['confirmed', 'duplicate']);
    expect(await inboxCount(ctx.db, created.id)).toBe(1);
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.filter((event) => event.eventType === 'order.confirmed')).toHaveLength(1);
  });

  it('when order.cancelled is processed before order.created, then the order stays cancelled', async () => {
    const order = await place();
    await cancelOrderOverHttp(ctx.app, user, order.id);
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    const cancelled = await outboxEvent(ctx.db, order.id, 'order.cancelled');

    expect(await jobHandlers['order.cancelled'](deps, cancelled)).toBe('notified');
    expect(await jobHandlers['order.created'](deps, created)).toBe('not-pending');

    expect(await orderStatus(ctx.db, order.id)).toBe('cancelled');
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.map((event) => event.eventType)).not.toContain('order.confirmed');
  });

  it('when a relay dies between enqueue and mark, then nothing is lost and the event takes effect once', async () => {
    // Process what earlier tests left in the outbox first, so this test sees only its order.
    const worker = await startTestWorker(workerConfig(ctx.config));
    try {
      await waitFor('the outbox to drain', async () =>
        (await workflowCounts(ctx.db)).unpublished === 0 ? true : undefined,
      );
    } finally {
      await worker.close();
    }

    const order = await place();
    const created = await outboxEvent(ctx.db, order.id, 'order.created');
    const crash = new Error('relay crashed before marking the batch published');
    const enqueueThenCrash = async (events: OutboxEvent[]) => {
      await queues['order.created'].addBulk(
        events.map((event) => ({
          name: event.eventType,
          data: event,
          opts: { ...jobOptions(ctx.config), jobId: jobIdFor(event.id) },
        })),
      );
      throw crash;
    };
    await expect(
      relayOutboxBatch({ db: ctx.db, enqueue: enqueueThenCrash }, { batchSize: 10 }),
    ).rejects.toBe(crash);

    // The row was rolled back to unpublished, and the job went out anyway.
    const [row] = await outboxEventsOf(ctx.db, order.id);
    expect(row?.publishedAt).toBeNull();
    expect(await queues['order.created'].getJob(jobIdFor(created.id))).toBeDefined();

    // A relay restarts: the row goes out again (same job id) and the worker applies it once.
    const restarted = await startTestWorker(workerConfig(ctx.config));
    try {
      await waitForStatus(ctx.db, order.id, 'confirmed');
      await waitFor('order.confirmed to be relayed too', async () => {
        const events = await outboxEventsOf(ctx.db, order.id);
        return events.length === 2 && events.every((event) => event.publishedAt)
          ? events
          : undefined;
      });
    } finally {
      await restarted.close();
    }
    expect(await inboxCount(ctx.db, created.id)).toBe(1);
    const jobs = await queues['order.created'].getJobs([
      'completed',
      'waiting',
      'active',
      'failed',
    ]);
    expect(jobs.filter((job) => job.data.id === created.id)).toHaveLength(1);
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.map((event) => event.eventType)).toEqual(['order.created', 'order.confirmed']);
  });
});
