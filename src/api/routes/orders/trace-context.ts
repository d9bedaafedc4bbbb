import type { IncomingHttpHeaders } from 'node:http';
import type { TraceContext } from '../../../domain/orders/outbox-event.js';

const traceparentPattern = /^[\da-f]{2}-[\da-f]{32}-[\da-f]{16}-[\da-f]{2}$/;
const maxTracestateLength = 512;

/**
 * The request's W3C trace context for the outbox row. A malformed header is dropped, not
 * refused: tracing must never fail a request.
 */
export function traceContextOf(headers: IncomingHttpHeaders): TraceContext {
  const { traceparent, tracestate } = headers;
  if (typeof traceparent !== 'string' || !traceparentPattern.test(traceparent)) {
    return { traceparent: null, tracestate: null };
  }
  const state = Array.isArray(tracestate) ? tracestate.join(',') : tracestate;
  return {
    traceparent,
    tracestate: state && state.length <= maxTracestateLength ? state : null,
  };
}
