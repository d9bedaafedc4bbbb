import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { TraceContext } from './domain/orders/order.js';

/**
 * The W3C trace context stored with outbox rows, read and written by the W3C propagator itself
 * whatever propagator the SDK registers (or none): it validates traceparent, parses tracestate
 * and drops what is malformed.
 */
const w3c = new W3CTraceContextPropagator();

/** The context a stored (or received) traceparent/tracestate names; the root when none is valid. */
export function contextOf(carrier: {
  traceparent?: string | string[] | null;
  tracestate?: string | string[] | null;
}): Context {
  return w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
}

/** W3C headers naming the given context's span; none when it has no valid span. */
export function w3cHeaders(from: Context = context.active()): {
  traceparent?: string;
  tracestate?: string;
} {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  w3c.inject(from, carrier, defaultTextMapSetter);
  return carrier;
}

/** The trace context to store with an event: the given context's span, or nulls when none. */
export function traceContextOf(from: Context = context.active()): TraceContext {
  const { traceparent, tracestate } = w3cHeaders(from);
  return { traceparent: traceparent ?? null, tracestate: tracestate ?? null };
}
