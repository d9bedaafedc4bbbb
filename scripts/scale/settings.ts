import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The machine's Postgres and Redis; the run makes its own database and key prefix on them. */
export const adminDatabaseUrl =
  process.env.SCALE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.SCALE_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const databaseName = 'orders_scale';
export const pgbouncerDatabaseName = 'orders_scale_pgbouncer';
/** Hash-tagged like the production default, so the queues use the cluster-safe layout. */
export const redisKeyPrefix = '{orders-scale}:';

export const replicas = { api: 2, worker: 2 } as const;
/** Per process: 2 × 4 + 2 × (4 + 1) = 18 connections at most, well inside 4–8 busy per core. */
export const poolSize = { api: 4, worker: 4 } as const;
/** Connections a worker holds outside its pool (the relay's wake-up/claim connection). */
export const workerExtraConnections = 1;

export const jwtSecret = 'scale-test-jwt-secret-not-for-production-0123456789';
export const webhookSecret = `whsec_${Buffer.from('scale-test-webhook-key-0123456789').toString('base64')}`;
export const admin = { email: 'scale-admin@example.com', password: 'scale-admin-password' };

export const load = {
  concurrency: 8,
  /**
   * Orders a second offered in all, below what one worker drains today, so the backlog stays
   * flat and the run measures correctness and CPU per order, not the ceiling (npm run bench).
   */
  ratePerSecond: 60,
  users: 8,
  products: 20,
  initialStock: 1_000_000,
  /** Hard cap on orders, whatever the timeline. */
  maxOrders: 50_000,
} as const;

/** The rolling restart, in the middle of the load. */
export const timeline = {
  idleBaselineMs: 3_000,
  warmUpMs: 3_000,
  betweenRestartsMs: 2_000,
  coolDownMs: 3_000,
  settleTimeoutMs: 60_000,
  /** The whole run is abandoned (and fails) past this. */
  deadlineMs: 170_000,
} as const;

/** After SIGTERM the API answers /readyz 503 this long: 8 checks, and the balancer needs 3. */
export const shutdownDrainDelayMs = 2_000;
export const healthCheckIntervalMs = 250;
