// Run by export.test.ts under `--import ./src/api/instrument.ts`: one span, then the shutdown path.
import { trace } from '@opentelemetry/api';
import { stopTelemetry } from '../../src/telemetry.js';

const span = trace.getTracer('probe').startSpan('probe');
span.end();
// Long enough for a batch processor (OTEL_BSP_SCHEDULE_DELAY) to have sent it on its own.
await new Promise((resolve) => setTimeout(resolve, 300));
await stopTelemetry();
console.log(JSON.stringify({ traceId: span.spanContext().traceId }));
