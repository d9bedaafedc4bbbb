import { randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { applyEventTransitions, takeUnlessPending } from '../../db/orders.js';
import type { OrderEvent } from './events.js';
import type { TraceContext } from './order.js';

/** What the payment step learned about an order.created event's order. */
export type PaymentAnswer = 'authorized' | 'declined';

export interface Payment {
  event: OrderEvent;
  answer: PaymentAnswer;
  /** Trace context of the step that decided, carried by the event it writes. */
  trace: TraceContext;
}

/**
 * What happened to each order: moved now, or left alone because it was no longer pending
 * (cancelled or expired meanwhile), or untouched because this event was applied before.
 */
export type SettledPayment = 'confirmed' | 'cancelled' | 'not-pending' | 'duplicate';

/**
 * An authorized payment confirms a pending order; a declined one cancels it (reason
 * `payment_declined`, stock restored). Many payments settle in one statement, and each event
 * settles exactly once however often it is delivered: `consumer`'s inbox row and the transition
 * commit together.
 */
export async function settlePayments(
  deps: { db: DatabasePool },
  consumer: string,
  payments: readonly Payment[],
): Promise<SettledPayment[]> {
  const results = await applyEventTransitions(
    deps.db,
    consumer,
    'system',
    payments.map(({ event, answer, trace }) => ({
      causeEventId: event.id,
      orderId: event.orderId,
      to: answer === 'authorized' ? 'confirmed' : 'cancelled',
      reason: answer === 'authorized' ? null : 'payment_declined',
      eventId: randomUUID(),
      trace,
    })),
  );
  const byEvent = new Map(results.map((result) => [result.eventId, result]));
  return payments.map(({ event, answer }) => {
    const result = byEvent.get(event.id);
    if (!result?.taken) return 'duplicate';
    if (!result.moved) return 'not-pending';
    return answer === 'authorized' ? 'confirmed' : 'cancelled';
  });
}

/** Whether an order.created event's payment still has to be asked for. */
export type PaymentDue = 'due' | 'not-pending' | 'duplicate';

/**
 * For each order.created event, whether its payment still has to be asked for (`due`), or is
 * settled already: applied by an earlier delivery, or its order no longer pending (expired or
 * cancelled meanwhile), which applies the event as it is. Many events per statement.
 */
export async function paymentsDue(
  deps: { db: DatabasePool },
  consumer: string,
  events: readonly OrderEvent[],
): Promise<PaymentDue[]> {
  const rows = await takeUnlessPending(
    deps.db,
    consumer,
    events.map((event) => ({ eventId: event.id, orderId: event.orderId })),
  );
  const statusByEvent = new Map(rows.map((row) => [row.eventId, row.status]));
  return events.map((event) => {
    const status = statusByEvent.get(event.id) ?? null;
    if (status === null) return 'duplicate';
    return status === 'pending' ? 'due' : 'not-pending';
  });
}
