import { UnrecoverableError } from 'bullmq';
import type { OrderEvent } from '../../domain/orders/events.js';
import {
  paymentsDue,
  settlePayments,
  type Payment,
  type PaymentAnswer,
} from '../../domain/orders/settle-payments.js';
import { createBatcher } from '../batcher.js';
import { postSigned, type PostResult } from '../signed-post.js';
import { activeTraceContext } from '../trace.js';
import type { JobDeps, JobHandler } from './index.js';

const consumer = 'authorize-payment';

/**
 * order.created: the payment is authorized — at once without PAYMENT_URL, else by asking the
 * payment endpoint — then the order is confirmed (or, declined, cancelled with its stock back),
 * many orders per statement, each exactly once however often its job runs.
 */
export function authorizePayment(deps: JobDeps): JobHandler {
  const settle = createBatcher(deps, 'settle payments', (payments: readonly Payment[]) =>
    settlePayments(deps, consumer, payments),
  );
  const settleNow = async (event: OrderEvent, answer: PaymentAnswer) => {
    const outcome = await settle({ event, answer, trace: activeTraceContext() });
    if (outcome === 'confirmed' || outcome === 'cancelled') deps.nudgeRelay();
    return outcome;
  };
  if (deps.config.PAYMENT_URL === undefined) return (event) => settleNow(event, 'authorized');
  const ask = askPaymentEndpoint(deps);
  const checkDue = createBatcher(deps, 'check payments due', (events: readonly OrderEvent[]) =>
    paymentsDue(deps, consumer, events),
  );
  return async (event) => {
    const due = await checkDue(event);
    if (due !== 'due') return due;
    return settleNow(event, await ask(event));
  };
}

/** How one call ended, for metrics: a bounded label set. */
function paymentOutcome({
  status,
  outcome,
}: PostResult): 'authorized' | 'declined' | 'failed' | 'timeout' {
  if (status === 402) return 'declined';
  if (outcome === 'delivered') return 'authorized';
  return outcome === 'timeout' ? 'timeout' : 'failed';
}

/**
 * POSTs the order's amount to PAYMENT_URL, signed like a webhook, with the order id as
 * `webhook-id` (stable across retries, so the endpoint can dedupe). 2xx authorizes, 402 declines;
 * anything else throws, and the job is retried with backoff — 4xx included, unlike a webhook.
 */
function askPaymentEndpoint(deps: JobDeps): (event: OrderEvent) => Promise<PaymentAnswer> {
  const { config, metrics } = deps;
  return async (event) => {
    const { order } = event.payload;
    let answered: PostResult | undefined;
    try {
      await postSigned(
        {
          url: config.PAYMENT_URL ?? '',
          secret: config.PAYMENT_SECRET ?? '',
          timeoutMs: config.PAYMENT_TIMEOUT_MS,
          messageId: order.id,
          body: JSON.stringify({
            orderId: order.id,
            userId: order.userId,
            amountCents: order.totalCents,
            currency: order.currency,
          }),
        },
        (result) => {
          answered = result;
          const outcome = paymentOutcome(result);
          metrics.paymentAuthorizations.inc({ outcome });
          metrics.paymentDuration.observe({ outcome }, result.seconds);
        },
      );
      return 'authorized';
    } catch (error) {
      if (answered?.status === 402) return 'declined';
      if (error instanceof UnrecoverableError) throw new Error(error.message, { cause: error });
      throw error;
    }
  };
}
