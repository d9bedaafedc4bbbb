import { startTelemetry } from '../telemetry.js';

// Loaded with `node --import` so pg, ioredis, http and fastify are patched before the app loads.
await startTelemetry({ serviceName: 'orders-api' });
