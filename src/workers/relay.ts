import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import { publishOutboxEvents, type PublishedEvent } from '../db/outbox.js';
import type { OrderEvent } from '../domain/orders/events.js';
import type { WorkerMetrics } from '../metrics.js';
import {
  deliveryJob,
  eventJob,
  jobOptions,
  webhookQueueName,
  type ConsumerName,
  type ConsumerSubscription,
  type Queues,
  type WebhookQueue,
} from '../queues.js';
import { withTimeout } from '../timeouts.js';
import { markFailed, startPublishSpan } from './trace.js';

export interface RelayDeps {
  config: Config;
  /** The relay's own connection, so its polls never queue behind the consumers' statements. */
  db: DatabasePool;
  queues: Queues;
  /** Where the events' webhook deliveries are enqueued, one job each. */
  webhookQueue: WebhookQueue;
  /** Which consumer takes which event type (only those of enabled consumers). */
  subscriptions: readonly ConsumerSubscription[];
  log: Logger;
  metrics: WorkerMetrics;
}

export interface Relay {
  /** A writer committed events: poll now if idle (best effort; polling finds them anyway). */
  nudge: () => void;
  /** Finishes the batch in flight, then stops. */
  stop: () => Promise<void>;
}

const firstBackoffMs = 200;
// Redis answers a bulk add in milliseconds; past this it is down or frozen.
const enqueueDeadlineMs = 5_000;

/**
 * Moves committed outbox events into the queues: publish (one statement: claim, mark, hand to
 * consumers, create webhook deliveries) → enqueue a job per consumer and per delivery. No
 * transaction stays open across Redis, and an enqueue that never happens (process killed, Redis
 * lost) is repaired by the reconciler from the inbox rows and the pending deliveries.
 * Polls again at once while batches come back full, every RELAY_POLL_MIN_MS while events keep
 * coming, and backs off to RELAY_POLL_MAX_MS when idle; a nudge ends an idle wait.
 */
export function startRelay(deps: RelayDeps): Relay {
  const { config, log } = deps;
  const stopping = new AbortController();
  let nudged = false;
  let wake: AbortController | undefined;

  /** Waits `ms`, less if nudged (or nudged since the last poll began) or stopping. */
  const idle = async (ms: number) => {
    if (nudged || stopping.signal.aborted) return;
    wake = new AbortController();
    const signal = AbortSignal.any([wake.signal, stopping.signal]);
    await sleep(ms, undefined, { signal }).catch(() => {});
    wake = undefined;
  };
  const backOff = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => {});

  const enqueue = async (published: readonly PublishedEvent[]) => {
    const byConsumer = new Map<ConsumerName, OrderEvent[]>();
    for (const { event, handedTo } of published) {
      for (const consumer of handedTo as ConsumerName[]) {
        const events = byConsumer.get(consumer);
        if (events) events.push(event);
        else byConsumer.set(consumer, [event]);
      }
    }
    const deliveries = published.flatMap(({ event, deliveryIds }) =>
      deliveryIds.map((deliveryId) => ({ event, deliveryId })),
    );
    const options = jobOptions(config);
    for (let failures = 0; !stopping.signal.aborted; failures++) {
      const jobs = [...byConsumer].map(([consumer, events]) => ({
        consumer,
        sends: events.map((event) => ({ event, ...startPublishSpan(event, consumer) })),
      }));
      const deliverySends = deliveries.map(({ event, deliveryId }) => ({
        deliveryId,
        ...startPublishSpan(event, webhookQueueName),
      }));
      const spans = [...jobs.flatMap(({ sends }) => sends), ...deliverySends].map(
        ({ span }) => span,
      );
      try {
        const adds: Promise<unknown>[] = jobs.map(({ consumer, sends }) =>
          deps.queues[consumer].addBulk(
            sends.map(({ event, metadata }) => eventJob(event, options, metadata)),
          ),
        );
        if (deliverySends.length > 0) {
          adds.push(
            deps.webhookQueue.addBulk(
              deliverySends.map(({ deliveryId, metadata }) =>
                deliveryJob(deliveryId, options, metadata),
              ),
            ),
          );
        }
        await withTimeout(Promise.all(adds), enqueueDeadlineMs, 'enqueueing to Redis');
        for (const span of spans) span.end();
        if (failures > 0) log.info({ failedAttempts: failures }, 'enqueueing recovered');
        return;
      } catch (error) {
        for (const span of spans) {
          markFailed(span, error);
          span.end();
        }
        if (failures === 0) log.warn({ err: error }, 'enqueueing failed; retrying with backoff');
        await backOff(Math.min(config.RELAY_BACKOFF_MAX_MS, firstBackoffMs * 2 ** failures));
      }
    }
    log.warn({ events: published.length }, 'stopped before enqueueing; the reconciler sends them');
  };

  const count = (events: readonly OrderEvent[]) => {
    const now = Date.now();
    for (const event of events) {
      const { order, from, reason } = event.payload;
      deps.metrics.relayLag.observe(Math.max(0, (now - Date.parse(event.createdAt)) / 1000));
      deps.metrics.eventsRelayed.inc({ event_type: event.type });
      if (event.type === 'order.created') {
        deps.metrics.ordersCreated.inc();
        deps.metrics.orderValue.inc({ currency: order.currency }, order.totalCents);
      } else {
        deps.metrics.orderTransitions.inc({
          from: from ?? 'none',
          to: order.status,
          reason: reason ?? 'none',
        });
      }
    }
  };

  const loop = async () => {
    let failures = 0;
    let pollMs = config.RELAY_POLL_MIN_MS;
    while (!stopping.signal.aborted) {
      nudged = false;
      let published: PublishedEvent[];
      try {
        published = await publishOutboxEvents(deps.db, config.RELAY_BATCH_SIZE, deps.subscriptions);
      } catch (error) {
        if (failures === 0) log.warn({ err: error }, 'outbox relay failing; backing off');
        failures += 1;
        await backOff(Math.min(config.RELAY_BACKOFF_MAX_MS, firstBackoffMs * 2 ** (failures - 1)));
        continue;
      }
      if (failures > 0) log.info({ failedAttempts: failures }, 'outbox relay recovered');
      failures = 0;
      if (published.length > 0) {
        count(published.map(({ event }) => event));
        await enqueue(published);
      }
      if (published.length === config.RELAY_BATCH_SIZE) continue;
      pollMs =
        published.length > 0
          ? config.RELAY_POLL_MIN_MS
          : Math.min(config.RELAY_POLL_MAX_MS, pollMs * 2);
      await idle(pollMs);
    }
  };

  const running = loop();
  return {
    nudge: () => {
      nudged = true;
      wake?.abort();
    },
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
}
