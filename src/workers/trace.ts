import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import type { OrderEvent } from '../domain/orders/events.js';
import { contextOf, w3cHeaders } from '../trace-context.js';

/** The active span's context, to store with an event this step writes. */
export { traceContextOf as activeTraceContext } from '../trace-context.js';

const tracer = trace.getTracer('orders-worker');

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
    contextOf(event),
  );
  return { span, metadata: JSON.stringify(w3cHeaders(trace.setSpan(ROOT_CONTEXT, span))) };
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
