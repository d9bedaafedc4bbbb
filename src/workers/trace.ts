import {
  createTraceState,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { TraceContext } from '../domain/orders/outbox-event.js';

const traceparentPattern = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const tracer = trace.getTracer('orders-worker');

/**
 * The request's context from the W3C strings stored with the outbox row. Parsed here rather
 * than through the global propagator, so it holds whichever propagator the SDK registers (or
 * none). Without a usable traceparent it is the root: the job starts a trace of its own.
 */
export function contextFromTraceparent({ traceparent, tracestate }: TraceContext): Context {
  const match = traceparent ? traceparentPattern.exec(traceparent) : null;
  if (!match) return ROOT_CONTEXT;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  if (/^0+$/.test(traceId) || /^0+$/.test(spanId)) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16) & TraceFlags.SAMPLED,
    isRemote: true,
    ...(tracestate ? { traceState: createTraceState(tracestate) } : {}),
  });
}

function markFailed(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR });
}

/** Runs `work` in a consumer span that continues the stored trace; failures mark the span. */
export function inConsumerSpan<T>(
  name: string,
  stored: TraceContext,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  return tracer.startActiveSpan(
    name,
    { kind: SpanKind.CONSUMER, attributes },
    contextFromTraceparent(stored),
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

export interface PublishedMessage {
  name: string;
  stored: TraceContext;
  attributes: Attributes;
}

/**
 * Runs `work` (one batched enqueue) with a producer span per message, each in the trace of its
 * own outbox row: a batch holds many orders, and each order's trace shows when it was sent.
 */
export async function inPublishSpans<T>(
  messages: readonly PublishedMessage[],
  work: () => Promise<T>,
): Promise<T> {
  const spans = messages.map(({ name, stored, attributes }) =>
    tracer.startSpan(name, { kind: SpanKind.PRODUCER, attributes }, contextFromTraceparent(stored)),
  );
  try {
    return await work();
  } catch (error) {
    for (const span of spans) markFailed(span, error);
    throw error;
  } finally {
    for (const span of spans) span.end();
  }
}

/**
 * A client span around a fetch (Node's fetch is undici, which instrumentation-http does not
 * see). `send` runs inside it, so activeTraceHeaders() there names this span as the parent.
 */
export function inHttpClientSpan(
  method: string,
  url: URL,
  send: () => Promise<Response>,
): Promise<Response> {
  const attributes: Attributes = {
    'http.request.method': method,
    // No query string: it may carry credentials.
    'url.full': `${url.origin}${url.pathname}`,
    'server.address': url.hostname,
    'server.port': Number(url.port) || (url.protocol === 'https:' ? 443 : 80),
  };
  return tracer.startActiveSpan(method, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      const response = await send();
      span.setAttribute('http.response.status_code', response.status);
      if (response.status >= 400) {
        span.setAttribute('error.type', String(response.status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return response;
    } catch (error) {
      span.setAttribute('error.type', (error as Error).name);
      markFailed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** W3C headers of the active span, for outgoing calls (none when nothing is traced). */
export function activeTraceHeaders(): { traceparent?: string; tracestate?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  const flags = spanContext.traceFlags.toString(16).padStart(2, '0');
  const traceparent = `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
  const tracestate = spanContext.traceState?.serialize();
  return tracestate ? { traceparent, tracestate } : { traceparent };
}
