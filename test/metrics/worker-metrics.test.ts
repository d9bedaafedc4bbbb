import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkerMetrics } from '../../src/metrics.js';
import { createQueues, type Queues } from '../../src/queues.js';
import type { WorkerProcess } from '../../src/workers/server.js';
import { useTestApp } from '../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  cancelOrderOverHttp,
  outboxEvent,
  placeOrderOverHttp,
  startTestWorker,
  startWebhookReceiver,
  waitForStatus,
  webhookSecret,
  workerConfig,
  workflowCounts,
} from '../helpers/worker.js';
import { labelValues, parseMetrics, scrape, valueOf, type Sample } from './scrape.js';

const ctx = useTestApp();

let user: SignedIn;
let productId: string;

beforeAll(async () => {
  user = await registerAndLogIn(ctx.app);
  productId = (await createProduct(ctx.db, { stock: 1_000 })).id;
});

const place = () => placeOrderOverHttp(ctx.app, user, [{ productId, quantity: 2 }]);

describe('outbox gauges', () => {
  it('when an event waits in the outbox, then outbox_backlog counts it, and it returns to 0 after the relay runs', async () => {
    // No worker runs yet: the order's event stays unpublished.
    const idle = createWorkerMetrics(ctx.db);
    await place();
    const waiting = parseMetrics(await idle.registry.metrics());
    expect(valueOf(waiting, 'outbox_backlog')).toBe(1);
    expect(valueOf(waiting, 'outbox_oldest_unpublished_age_seconds')).toBeGreaterThan(0);

    const worker = await startTestWorker(workerConfig(ctx.config));
    try {
      // Counters are read at the start of a scrape and the gauges' query after: wait for both.
      const relayed = { event_type: 'order.created' };
      const drained = await waitFor('outbox_backlog to reach 0', async () => {
        const samples = await scrape(worker.http);
        const done =
          valueOf(samples, 'outbox_backlog') === 0 &&
          valueOf(samples, 'outbox_events_relayed_total', relayed) > 0;
        return done ? samples : undefined;
      });
      expect(valueOf(drained, 'outbox_oldest_unpublished_age_seconds')).toBe(0);
      expect(valueOf(drained, 'outbox_events_relayed_total', relayed)).toBe(1);
      expect(valueOf(drained, 'outbox_relay_lag_seconds_count')).toBeGreaterThanOrEqual(1);
      // Leave nothing behind for the next worker to count: order.confirmed is published too.
      await waitFor('the order to be confirmed and order.confirmed published', async () => {
        const counts = await workflowCounts(ctx.db);
        return counts.confirmedEvents === 1 && counts.unpublished === 0 ? true : undefined;
      });
    } finally {
      await worker.close();
    }
  });
});

describe('worker /metrics', () => {
  let worker: WorkerProcess;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let queues: Queues;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    worker = await startTestWorker(
      workerConfig(ctx.config, { WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: webhookSecret }),
    );
    queues = createQueues(ctx.redis, ctx.config);
  });

  afterAll(async () => {
    await worker?.close();
    await receiver?.close();
    await Promise.all(Object.values(queues ?? {}).map((queue) => queue.close()));
  });

  /** Scrapes until `ready` holds (counters move after the job's commit, not at once). */
  const scrapeUntil = (what: string, ready: (samples: Sample[]) => boolean) =>
    waitFor(what, async () => {
      const samples = await scrape(worker.http);
      return ready(samples) ? samples : undefined;
    });

  it('when an order is created and its event is delivered again, then orders_created_total moved by exactly 1', async () => {
    const before = await scrape(worker.http);
    const moved = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
      valueOf(samples, name, labels) - valueOf(before, name, labels);

    const order = await place();
    await waitForStatus(ctx.db, order.id, 'confirmed');
    const after = await scrapeUntil(
      'the order to be counted',
      (samples) => moved(samples, 'orders_created_total') > 0,
    );
    expect(moved(after, 'orders_created_total')).toBe(1);
    const confirmed = { from: 'pending', to: 'confirmed', reason: 'none' };
    const confirmedOnce = await scrapeUntil(
      'the confirmation to be counted',
      (samples) => moved(samples, 'orders_transitions_total', confirmed) > 0,
    );
    expect(moved(confirmedOnce, 'orders_transitions_total', confirmed)).toBe(1);
    expect(moved(after, 'order_value_cents_total', { currency: order.currency })).toBe(
      order.totalCents,
    );
    const created = { job_type: 'authorize-payment' };
    expect(moved(after, 'event_consume_lag_seconds_count', created)).toBe(1);
    expect(moved(after, 'job_duration_seconds_count', { ...created, outcome: 'confirmed' })).toBe(
      1,
    );
    expect(moved(after, 'outbox_events_relayed_total', { event_type: 'order.created' })).toBe(1);
    const delivered = await scrapeUntil(
      'a webhook to be delivered',
      (samples) => moved(samples, 'webhook_attempts_total', { outcome: 'delivered' }) > 0,
    );
    expect(moved(delivered, 'webhook_duration_seconds_count', { outcome: 'delivered' })).toBe(
      moved(delivered, 'webhook_attempts_total', { outcome: 'delivered' }),
    );

    // A redelivery, as after a crash between processing and acknowledging: a new job, same event.
    const event = await outboxEvent(ctx.db, order.id, 'order.created');
    await queues['authorize-payment'].add('order.created', event, {
      jobId: `redelivery-${event.id}`,
    });
    const redelivered = await scrapeUntil(
      'the redelivery to be processed',
      (samples) =>
        moved(samples, 'job_duration_seconds_count', { ...created, outcome: 'duplicate' }) > 0,
    );
    expect(moved(redelivered, 'orders_created_total')).toBe(1);
    expect(moved(redelivered, 'orders_transitions_total', confirmed)).toBe(1);
    expect(moved(redelivered, 'order_value_cents_total')).toBe(order.totalCents);
  });

  it('when an order is cancelled by its owner, then the transition is counted once with its reason', async () => {
    const cancelled = { from: 'pending', to: 'cancelled', reason: 'customer' };
    const before = await scrape(worker.http);
    const order = await place();
    await cancelOrderOverHttp(ctx.app, user, order.id);

    const after = await scrapeUntil(
      'the cancellation to be counted',
      (samples) =>
        valueOf(samples, 'orders_transitions_total', cancelled) >
        valueOf(before, 'orders_transitions_total', cancelled),
    );
    expect(valueOf(after, 'orders_transitions_total', cancelled)).toBe(
      valueOf(before, 'orders_transitions_total', cancelled) + 1,
    );
  });

  it('when a user logs in and then logs out everywhere, then active_users counts them and then drops', async () => {
    const before = valueOf(await scrape(worker.http), 'active_users');

    const someone = await registerAndLogIn(ctx.app, 'active');
    expect(valueOf(await scrape(worker.http), 'active_users')).toBe(before + 1);

    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout-all',
      headers: someone.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(valueOf(await scrape(worker.http), 'active_users')).toBe(before);
  });

  it('when scraped, then bullmq_queue_jobs has every queue and state, and every series says service="orders-worker"', async () => {
    const samples = await scrape(worker.http);

    expect(labelValues(samples, 'bullmq_queue_jobs', 'queue')).toEqual(
      new Set(['authorize-payment', 'send-webhook']),
    );
    expect(labelValues(samples, 'bullmq_queue_jobs', 'state')).toEqual(
      new Set(['waiting', 'active', 'delayed', 'failed']),
    );
    expect(samples.filter((sample) => sample.labels.service !== 'orders-worker')).toEqual([]);
    const names = new Set(samples.map((sample) => sample.name));
    for (const name of ['db_pool_connections', 'process_cpu_seconds_total', 'active_users']) {
      expect(names).toContain(name);
    }
  });
});
