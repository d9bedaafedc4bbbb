import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation } from '@opentelemetry/api';
import type { TraceContext } from '../../../domain/orders/order.js';

const traceparentPattern = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;
const maxTracestateLength = 512;

/**
 * The W3C trace context to save with the outbox row: the active span's, so the worker continues
 * this request's trace even when the client sent none. Without a running SDK there is no span,
 * and the caller's own header is passed on; a malformed one is dropped, never refused.
 */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  propagation.inject(context.active(), carrier);
  const { traceparent, tracestate } = carrier.traceparent ? carrier : headers;
  if (typeof traceparent !== 'string' || !traceparentPattern.test(traceparent)) {
    return { traceparent: null, tracestate: null };
  }
  const state = Array.isArray(tracestate) ? tracestate.join(',') : tracestate;
  return {
    traceparent,
    tracestate: state && state.length <= maxTracestateLength ? state : null,
  };
}
