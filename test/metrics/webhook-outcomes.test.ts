import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OutboxEvent } from '../../src/domain/orders/events.js';
import type { WebhookOutcome } from '../../src/metrics.js';
import { deliverWebhook } from '../../src/workers/webhook.js';
import { startWebhookReceiver, webhookSecret } from '../helpers/worker.js';

function event(): OutboxEvent {
  const id = randomUUID();
  const now = new Date().toISOString();
  return {
    id,
    aggregateType: 'order',
    aggregateId: id,
    eventType: 'order.created',
    payload: {
      version: 1,
      order: {
        id,
        userId: randomUUID(),
        status: 'pending',
        currency: 'USD',
        totalCents: 100,
        items: [],
        createdAt: now,
        updatedAt: now,
      },
    },
    traceparent: null,
    tracestate: null,
    createdAt: now,
  };
}

/** One attempt against a receiver that answers `answer`; returns what the observer was told. */
async function attempt(answer: number | 'hang' | 'unreachable') {
  const receiver = await startWebhookReceiver(() => (answer === 'unreachable' ? 200 : answer));
  if (answer === 'unreachable') await receiver.close();
  const observed: { outcome: WebhookOutcome; seconds: number }[] = [];
  try {
    await deliverWebhook(
      { url: receiver.url, secret: webhookSecret, timeoutMs: 300 },
      event(),
      (outcome, seconds) => observed.push({ outcome, seconds }),
    ).catch(() => {});
  } finally {
    if (answer !== 'unreachable') await receiver.close();
  }
  return observed;
}

describe('webhook attempt outcomes', () => {
  it.each([
    [204, 'delivered'],
    [410, 'rejected'],
    [429, 'failed'],
    [503, 'failed'],
    ['hang', 'timeout'],
    ['unreachable', 'failed'],
  ] as const)(
    'when the receiver answers %s, then the attempt is observed once as %s',
    async (answer, outcome) => {
      const observed = await attempt(answer);
      expect(observed).toHaveLength(1);
      expect(observed[0]?.outcome).toBe(outcome);
      expect(observed[0]?.seconds).toBeGreaterThanOrEqual(0);
    },
  );
});
