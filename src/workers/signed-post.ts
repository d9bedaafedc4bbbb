import { createHmac } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';

/**
 * Outgoing calls (webhooks, the payment step) are POSTs of JSON signed with the Standard
 * Webhooks scheme, so any of its verifier libraries can check them.
 */
export interface SignedPost {
  url: string;
  /** `whsec_<base64 key>` */
  secret: string;
  timeoutMs: number;
  /** `webhook-id`: stable across retries of one message, so receivers can dedupe. */
  messageId: string;
  body: string;
}

/** How one call ended, a bounded label set for metrics. */
export const postOutcomes = ['delivered', 'rejected', 'failed', 'timeout'] as const;
export type PostOutcome = (typeof postOutcomes)[number];

/** HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed with the decoded secret. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const digest = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${digest}`;
}

/** 408 and 429 say "try later"; any other 4xx will not get better by retrying. */
function isPermanentFailure(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** What went wrong, as an operator needs it: `ECONNREFUSED 127.0.0.1:9`, `timeout after 5000 ms`. */
export function failureReason(error: unknown, timeoutMs: number): string {
  if ((error as Error).name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    const { code, address, port } = cause as { code?: unknown; address?: unknown; port?: unknown };
    if (typeof code === 'string') {
      return [code, address && port ? `${String(address)}:${String(port)}` : address]
        .filter(Boolean)
        .join(' ');
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return (error as Error).message;
}

export interface PostResult {
  status: number;
  outcome: PostOutcome;
  seconds: number;
}

/**
 * POSTs `request`, signed per attempt (verifiers reject stale timestamps). Resolves on a 2xx
 * within the timeout; otherwise throws an Error whose message names the reason (`HTTP 500`,
 * `timeout after 5000 ms`, `ECONNREFUSED 127.0.0.1:9`), an UnrecoverableError for answers that
 * retrying will not change. Redirects are not followed. `observe` hears of every attempt.
 */
export async function postSigned(
  request: SignedPost,
  observe: (result: PostResult) => void = () => {},
): Promise<PostResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': request.messageId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': sign(request.secret, request.messageId, timestamp, request.body),
  };
  const started = performance.now();
  const result = (status: number, outcome: PostOutcome): PostResult => {
    const ended = { status, outcome, seconds: (performance.now() - started) / 1000 };
    observe(ended);
    return ended;
  };
  let response: Response;
  try {
    // Traced by the undici instrumentation: a client span, and traceparent added to the request.
    response = await fetch(request.url, {
      method: 'POST',
      headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    result(0, (error as Error).name === 'TimeoutError' ? 'timeout' : 'failed');
    throw new Error(failureReason(error, request.timeoutMs), { cause: error });
  }
  // The answer's body is not used; dropping it frees the connection.
  await response.body?.cancel().catch(() => {});
  if (response.ok) return result(response.status, 'delivered');
  const permanent = isPermanentFailure(response.status);
  result(response.status, permanent ? 'rejected' : 'failed');
  const message = `HTTP ${response.status}`;
  throw permanent ? new UnrecoverableError(message) : new Error(message);
}

/** Exponential backoff with jitter: a random delay in the upper half of base·2^(attempt-1), capped. */
export function exponentialJitterBackoff(baseMs: number, maxMs: number) {
  return (attemptsMade: number): number => {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attemptsMade - 1));
    return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
  };
}
