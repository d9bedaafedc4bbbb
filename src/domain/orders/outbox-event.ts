import { randomUUID } from 'node:crypto';
import type { NewOutboxEvent } from '../../db/outbox.js';
import type { Order, OrderEventPayload, OrderEventType } from './events.js';

/** W3C trace context of the request, saved with the event so the worker continues its trace. */
export interface TraceContext {
  traceparent: string | null;
  tracestate: string | null;
}

export function orderEvent(
  eventType: OrderEventType,
  order: Order,
  trace: TraceContext,
): NewOutboxEvent {
  const payload: OrderEventPayload = { version: 1, order };
  return {
    id: randomUUID(),
    aggregateType: 'order',
    aggregateId: order.id,
    eventType,
    payload,
    traceparent: trace.traceparent,
    tracestate: trace.tracestate,
  };
}
