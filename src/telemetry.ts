import type { IncomingMessage } from 'node:http';
import type { Sampler, SpanProcessor } from '@opentelemetry/sdk-trace';

export interface TelemetryOptions {
  /** service.name unless OTEL_SERVICE_NAME (or OTEL_RESOURCE_ATTRIBUTES) says otherwise. */
  serviceName: string;
  /** Replaces the OTLP export (tests pass an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Replaces the sampler the OTEL_TRACES_SAMPLER* variables choose (tests keep every trace). */
  sampler?: Sampler;
}

/** The share of new traces kept when exporting and OTEL_TRACES_SAMPLER_ARG does not say. */
export const defaultSampleRatio = 0.1;

/** Probes and scrapes: frequent, uninteresting, and they would drown real traces. */
const untracedPaths = new Set(['/metrics', '/healthz', '/readyz']);

const isUntraced = (url: string | undefined) => untracedPaths.has((url ?? '').split('?')[0] ?? '');

let running: { shutdown: () => Promise<void> } | undefined;

/**
 * Starts tracing: a tracer provider, the W3C propagator, and the instrumentations (incoming
 * HTTP, outgoing fetch; pg and ioredis when exporting). Traces only: prom-client does metrics,
 * pino does logs, so the SDK's all-in-one NodeSDK (with its gRPC, protobuf, logs and metrics
 * exporters) is not used. Call it before the app imports pg, ioredis or undici, so they can be
 * patched. The SDK is imported here rather than at the top so that importing stopTelemetry stays
 * cheap.
 */
export async function startTelemetry(options: TelemetryOptions): Promise<void> {
  const [
    { context, propagation, trace },
    { W3CTraceContextPropagator },
    { AsyncLocalStorageContextManager },
    { BatchSpanProcessor, TracerProvider },
    resources,
    { ATTR_SERVICE_NAME },
    { registerInstrumentations },
    { HttpInstrumentation },
    { PgInstrumentation },
    { IORedisInstrumentation },
    { UndiciInstrumentation },
  ] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/core'),
    import('@opentelemetry/context-async-hooks'),
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/semantic-conventions'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
    import('@opentelemetry/instrumentation-undici'),
  ]);

  const exporting = Boolean(options.spanProcessors) || exportConfigured(process.env);
  const spanProcessors =
    options.spanProcessors ??
    (exporting
      ? [new BatchSpanProcessor({ exporter: await otlpExporter(), ...batchOptions(process.env) })]
      : []);
  const provider = new TracerProvider({
    // Later detectors win: OTEL_RESOURCE_ATTRIBUTES, then OTEL_SERVICE_NAME, over our name.
    resource: resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }))
      .merge(
        resources.detectResources({
          detectors: [
            resources.hostDetector,
            resources.processDetector,
            resources.serviceInstanceIdDetector,
            resources.resourceAttributesEnvDetector,
            resources.serviceNameEnvDetector,
          ],
        }),
      ),
    sampler: options.sampler ?? (await tracesSampler(process.env, exporting)),
    spanProcessors,
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // The one inbound layer: the HTTP server span, named after the route pattern by the API
      // (src/api/plugins/tracing.ts). Outgoing calls are fetch, traced by undici's below.
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => isUntraced(request.url),
        disableOutgoingRequestInstrumentation: true,
      }),
      // Statement and command spans only when spans go somewhere: without an exporter each would
      // be made unrecorded and dropped, for nothing (trace ids come from the HTTP span).
      ...(exporting
        ? [
            // Query text only (it holds $n placeholders, never values); no parent, no span, so
            // pool housekeeping and the relay's empty polls make no traces of their own.
            new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
            // BullMQ's own commands (blocking polls, lock renewals, its Lua scripts) run outside
            // any span and are skipped; commands issued inside a request or a job are traced.
            new IORedisInstrumentation({ requireParentSpan: true }),
          ]
        : []),
      // Webhooks and the payment call: a client span, and traceparent added to the request.
      new UndiciInstrumentation({
        requireParentforSpans: true,
        // A query string may carry credentials: the span keeps origin and path only.
        startSpanHook: ({ origin, path }) => {
          const query = path.indexOf('?');
          return query < 0
            ? {}
            : { 'url.full': origin + path.slice(0, query), 'url.query': 'REDACTED' };
        },
      }),
    ],
  });
  running = provider;
}

/**
 * Without an OTLP endpoint nothing is exported and nothing connects, but a tracer provider
 * still runs so trace ids reach log lines and outbox rows. With one, spans go over OTLP/HTTP
 * (JSON), configured by the exporter's standard OTEL_EXPORTER_OTLP_* variables.
 */
function exportConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

async function otlpExporter() {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter();
}

/** The batch processor's standard OTEL_BSP_* variables; unset ones keep the SDK's defaults. */
function batchOptions(env: NodeJS.ProcessEnv) {
  const number = (name: string) => {
    const value = Number(env[name] || Number.NaN);
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  };
  return {
    maxQueueSize: number('OTEL_BSP_MAX_QUEUE_SIZE'),
    scheduledDelayMillis: number('OTEL_BSP_SCHEDULE_DELAY'),
    exportTimeoutMillis: number('OTEL_BSP_EXPORT_TIMEOUT'),
    maxExportBatchSize: number('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
  };
}

/**
 * The sampler the standard OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG name. Exporting, the
 * default is parentbased_traceidratio at defaultSampleRatio: a caller's decision is kept, and
 * a share of new traces is recorded. Not exporting, nothing is recorded whatever they say (only
 * ids are made), and a caller's sampled flag is passed on unchanged.
 */
export async function tracesSampler(env: NodeJS.ProcessEnv, exporting: boolean): Promise<Sampler> {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } =
    await import('@opentelemetry/sdk-trace');
  if (!exporting) return new ParentBasedSampler({ root: new AlwaysOffSampler() });
  const argument = Number(env.OTEL_TRACES_SAMPLER_ARG || Number.NaN);
  const ratio = argument >= 0 && argument <= 1 ? argument : defaultSampleRatio;
  const parentBased = (root: Sampler) => new ParentBasedSampler({ root });
  switch (env.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_traceidratio') {
    case 'always_on':
      return new AlwaysOnSampler();
    case 'always_off':
      return new AlwaysOffSampler();
    case 'traceidratio':
      return new TraceIdRatioBasedSampler(ratio);
    case 'parentbased_always_on':
      return parentBased(new AlwaysOnSampler());
    case 'parentbased_always_off':
      return parentBased(new AlwaysOffSampler());
    default:
      return parentBased(new TraceIdRatioBasedSampler(ratio));
  }
}

/** Exports the spans still buffered and stops tracing; a no-op when it was never started. */
export async function stopTelemetry(): Promise<void> {
  const provider = running;
  running = undefined;
  await provider?.shutdown();
}
