import type { IncomingHttpHeaders } from 'node:http';
import { context, trace } from '@opentelemetry/api';
import type { TraceContext } from '../../../domain/orders/order.js';
import { contextOf, traceContextOf as storedTraceContext } from '../../../trace-context.js';

/**
 * The W3C trace context to save with the outbox row: the active span's, so the worker continues
 * this request's trace even when the client sent none. Without a running SDK there is no span,
 * and the caller's own header is passed on; a malformed one is dropped, never refused.
 */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext {
  const active = context.active();
  if (trace.getSpan(active)) return storedTraceContext(active);
  return storedTraceContext(
    contextOf({ traceparent: headers.traceparent, tracestate: headers.tracestate }),
  );
}
