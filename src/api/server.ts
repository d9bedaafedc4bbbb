import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { ensureAdmin } from '../domain/auth/users.js';
import { createDatabasePool } from '../db/pool.js';
import { createRedis } from '../redis.js';
import { logRedisOutages } from '../redis-outages.js';
import { stopTelemetry } from '../telemetry.js';
import { buildApp } from './app.js';

export interface ApiProcess {
  app: FastifyInstance;
  /** Drains in-flight requests, then closes pools: start-up undone in reverse. */
  close: (reason?: { signal?: string; err?: Error }) => Promise<void>;
}

/** Wires the API's dependencies; does not listen or handle signals (see startApi). */
export async function createApi(config: Config): Promise<ApiProcess> {
  const db = await createDatabasePool({
    url: config.DATABASE_URL,
    maximumPoolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  // Redis only rate-limits here, so it must never stall a request: while it is down, commands
  // fail at once (no offline queue); while it hangs, they time out.
  const redis = createRedis(config, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
  });
  const readiness = { draining: false };
  const app = await buildApp({ config, db, redis, readiness });
  logRedisOutages(redis, app.log, 'rate limits fail open until it is back');

  if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    const admin = await ensureAdmin(
      { db },
      { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD },
    );
    app.log.info({ email: admin.email }, 'admin account ensured');
  }

  const close: ApiProcess['close'] = async ({ signal, err } = {}) => {
    if (err) app.log.error({ err }, 'shutting down after a fatal error');
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    readiness.draining = true;
    // Still listening: load balancers see /readyz 503 and requests already sent get read.
    if (!err) await sleep(config.SHUTDOWN_DRAIN_DELAY_MS);
    await app.close();
    await db.end();
    redis.disconnect();
    app.log.info('shutdown complete');
    // Last: the spans of the shutdown itself are exported too.
    await stopTelemetry();
  };
  return { app, close };
}

/** Process entry for the API: listens, and undoes it all on SIGTERM/SIGINT. */
export async function startApi(config: Config): Promise<ApiProcess> {
  const api = await createApi(config);
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: api.app.log }, api.close);
  await api.app.listen({ host: config.HOST, port: config.PORT });
  await api.app.metricsServer?.listen({ host: config.METRICS_HOST, port: config.METRICS_PORT });
  return api;
}
