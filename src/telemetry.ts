import type { IncomingMessage } from 'node:http';
import type { SpanProcessor } from '@opentelemetry/sdk-trace';

export interface TelemetryOptions {
  /** service.name unless OTEL_SERVICE_NAME (or OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
  serviceName: string;
  /** Replaces the OTEL_*-configured export (tests pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
}

/** Probes and scrapes: frequent, uninteresting, and they would drown real traces. */
const untracedPaths = new Set(['/metrics', '/healthz', '/readyz']);

const isUntraced = (url: string | undefined) => untracedPaths.has((url ?? '').split('?')[0] ?? '');

let running: { shutdown: () => Promise<void> } | undefined;

/**
 * Starts the OpenTelemetry SDK: traces only (prom-client does metrics, pino does logs). Call it
 * before the app imports pg, ioredis or fastify, so the instrumentations can patch them. The SDK
 * is imported here rather than at the top so that importing stopTelemetry stays cheap.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<void> {
  const [
    { NodeSDK },
    { AlwaysOffSampler, NoopSpanProcessor, ParentBasedSampler },
    { defaultResource, resourceFromAttributes },
    { ATTR_SERVICE_NAME },
    { HttpInstrumentation },
    { PgInstrumentation },
    { IORedisInstrumentation },
    { FastifyOtelInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
    import('@fastify/otel'),
  ]);

  const exporting = Boolean(options.spanProcessors) || exportConfigured();
  const sdk = new NodeSDK({
    // Detected attributes (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) are merged over these.
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    ),
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => isUntraced(request.url),
        requireParentforOutgoingSpans: true,
      }),
      // Registered on every Fastify instance as it is created, however many buildApp makes.
      new FastifyOtelInstrumentation({
        registerOnInitialization: true,
        ignorePaths: ({ url }) => isUntraced(url),
        // One span for the request and one for its handler; a span per hook costs more than it tells.
        instrumentHooks: false,
      }),
      // Query text only (it holds $n placeholders, never values); no parent, no span, so pool
      // housekeeping and the relay's empty polls make no traces of their own.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // BullMQ's own commands (blocking polls, lock renewals, its Lua scripts) run outside any
      // span and are skipped; commands issued inside a request or a job are traced.
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
    // Undefined: the SDK builds the export (and the sampler) from the OTEL_* variables.
    ...(exporting
      ? { spanProcessors: options.spanProcessors }
      : {
          spanProcessors: [new NoopSpanProcessor()],
          // Nothing is kept, so only ids are made (no attributes, no timings). A caller that
          // sampled its trace is still recorded, so its sampled flag is passed on unchanged.
          sampler: new ParentBasedSampler({ root: new AlwaysOffSampler() }),
        }),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  running = sdk;
}

/**
 * Without an OTLP endpoint (or OTEL_TRACES_EXPORTER) nothing is exported and nothing connects,
 * but a tracer provider still runs so trace ids reach log lines and outbox rows. With one, the
 * SDK builds the exporter from the standard OTEL_* variables (protocol, headers, batching,
 * OTEL_TRACES_SAMPLER; parent-based always-on by default).
 */
function exportConfigured(): boolean {
  return [
    'OTEL_EXPORTER_OTLP_ENDPOINT',
    'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    'OTEL_TRACES_EXPORTER',
  ].some((name) => Boolean(process.env[name]));
}

/** Exports the spans still buffered and stops the SDK; a no-op when it was never started. */
export async function stopTelemetry(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown();
}
