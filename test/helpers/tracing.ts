import {
  AlwaysOnSampler,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { startTelemetry } from '../../src/telemetry.js';

/**
 * Starts the SDK with every span kept in memory. Call it before any app module loads: the
 * instrumentations patch pg, ioredis, http and undici as they are first imported, so a test file
 * imports the app dynamically after this.
 */
export async function startTestTracing(): Promise<InMemorySpanExporter> {
  const exporter = new InMemorySpanExporter();
  await startTelemetry({
    serviceName: 'orders-test',
    spanProcessors: [new SimpleSpanProcessor({ exporter })],
    sampler: new AlwaysOnSampler(),
  });
  return exporter;
}

export const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** True if `ancestor` is on the parent chain of `span`. */
export function descendsFrom(
  span: ReadableSpan,
  ancestor: ReadableSpan,
  all: ReadableSpan[],
): boolean {
  const byId = new Map(all.map((candidate) => [candidate.spanContext().spanId, candidate]));
  for (let id = parentOf(span); id; id = byId.get(id) && parentOf(byId.get(id)!)) {
    if (id === ancestor.spanContext().spanId) return true;
  }
  return false;
}
