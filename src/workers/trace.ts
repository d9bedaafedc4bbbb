import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { OrderEvent } from '../domain/orders/events.js';
import type { TraceContext } from '../domain/orders/order.js';

/**
 * Events store W3C trace context whatever propagator the SDK registers (or none), so they are
 * read and written with the W3C propagator itself.
 */
const w3c = new W3CTraceContextPropagator();
const tracer = trace.getTracer('orders-worker');

/** The trace of the request (or step) that wrote the event; the root when it has none. */
export function eventContext(event: Pick<OrderEvent, 'traceparent' | 'tracestate'>): Context {
  const carrier: Record<string, string> = {};
  if (event.traceparent) carrier.traceparent = event.traceparent;
  if (event.tracestate) carrier.tracestate = event.tracestate;
  return w3c.extract(ROOT_CONTEXT, carrier, defaultTextMapGetter);
}

/** The active span's context, to store with an event this step writes. */
export function activeTraceContext(): TraceContext {
  const carrier: { traceparent?: string; tracestate?: string } = {};
  w3c.inject(context.active(), carrier, defaultTextMapSetter);
  return { traceparent: carrier.traceparent ?? null, tracestate: carrier.tracestate ?? null };
}

/**
 * A producer span in the event's own trace for its hop through the queue; what it returns is the
 * job's `telemetry.metadata` (bullmq-otel's format), so the consumer's span continues from it.
 */
export function startPublishSpan(
  event: OrderEvent,
  queue: string,
): { span: Span; metadata: string } {
  const span = tracer.startSpan(
    `publish ${queue}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        'messaging.system': 'bullmq',
        'messaging.operation.type': 'send',
        'messaging.destination.name': queue,
        'messaging.message.id': event.id,
        'order.id': event.orderId,
      },
    },
    eventContext(event),
  );
  const carrier: Record<string, string> = {};
  w3c.inject(trace.setSpan(ROOT_CONTEXT, span), carrier, defaultTextMapSetter);
  return { span, metadata: JSON.stringify(carrier) };
}

export function markFailed(span: Span, error: unknown): void {
  span.recordException(error as Error);
  span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
}

/**
 * Runs one batched statement in a span of the first job's trace, linked to every job it serves:
 * a batch belongs to many orders, and a link is how the others find it.
 */
export function inBatchSpan<T>(
  name: string,
  members: readonly Context[],
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const links: Link[] = [];
  for (const member of members) {
    const spanContext = trace.getSpanContext(member);
    if (spanContext && trace.isSpanContextValid(spanContext)) links.push({ context: spanContext });
  }
  return tracer.startActiveSpan(
    name,
    { kind: SpanKind.INTERNAL, attributes, links },
    members[0] ?? ROOT_CONTEXT,
    async (span) => {
      try {
        return await work();
      } catch (error) {
        markFailed(span, error);
        throw error;
      } finally {
        span.end();
      }
    },
  );
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
