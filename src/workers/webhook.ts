import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import type { OutboxEvent } from '../domain/orders/events.js';
import type { WebhookOutcome } from '../metrics.js';
import { activeTraceHeaders, inHttpClientSpan } from './trace.js';

export interface WebhookSettings {
  url: string;
  /** `whsec_<base64 key>` */
  secret: string;
  timeoutMs: number;
}

/** Standard Webhooks: HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed with the decoded secret. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const digest = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${digest}`;
}

export function webhookBody(event: OutboxEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.eventType,
    occurredAt: event.createdAt,
    data: { order: event.payload.order },
  });
}

/** 408 and 429 say "try later"; any other 4xx will not get better by retrying. */
function isPermanentFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** Told the outcome and duration of every attempt (the webhook metrics). */
export type WebhookAttemptObserver = (outcome: WebhookOutcome, seconds: number) => void;

/**
 * POSTs the event; returns on a 2xx within the timeout and throws otherwise. A permanent
 * failure throws UnrecoverableError so BullMQ fails the job without retrying.
 */
export async function deliverWebhook(
  settings: WebhookSettings,
  event: OutboxEvent,
  observe: WebhookAttemptObserver,
): Promise<void> {
  const body = webhookBody(event);
  // Signed per attempt: verifiers reject stale timestamps; the id stays the event id.
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': event.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(settings.secret, event.id, timestamp, body),
  };
  const started = performance.now();
  const finished = (outcome: WebhookOutcome) =>
    observe(outcome, (performance.now() - started) / 1000);
  let response: Response;
  try {
    response = await inHttpClientSpan('POST', new URL(settings.url), () =>
      fetch(settings.url, {
        method: 'POST',
        headers: { ...headers, ...activeTraceHeaders() },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(settings.timeoutMs),
      }),
    );
  } catch (error) {
    finished((error as Error).name === 'TimeoutError' ? 'timeout' : 'failed');
    throw new Error(`webhook delivery failed: ${(error as Error).name}`, { cause: error });
  }
  // The answer's body is not used; dropping it frees the connection.
  await response.body?.cancel().catch(() => {});
  if (response.ok) {
    finished('delivered');
    return;
  }
  const message = `webhook answered ${response.status}`;
  const permanent = isPermanentFailure(response.status);
  finished(permanent ? 'rejected' : 'failed');
  throw permanent ? new UnrecoverableError(message) : new Error(message);
}

/** Exponential backoff with jitter: a random delay in the upper half of base·2^(attempt-1), capped. */
export function exponentialJitterBackoff(baseMs: number, maxMs: number) {
  return (attemptsMade: number): number => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  };
}
