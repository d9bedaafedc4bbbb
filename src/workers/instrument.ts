import { startTelemetry } from '../telemetry.js';

// Loaded with `node --import` so pg, ioredis and http are patched before the worker loads.
await startTelemetry({ serviceName: 'orders-worker' });
