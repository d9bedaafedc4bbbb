import Fastify, { LogController } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { DatabasePool } from 'slonik';
import { checkDependencies } from '../readiness.js';

export interface WorkerHttpDeps {
  db: DatabasePool;
  redis: Redis;
  log: Logger;
  readiness: { draining: boolean };
  /** The worker's metrics, served on /metrics in Prometheus text format. */
  registry: Registry;
}

/** The worker's operations port: liveness, readiness (it needs both Postgres and Redis), metrics. */
export function buildWorkerHttp(deps: WorkerHttpDeps) {
  const app = Fastify({
    loggerInstance: deps.log,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
    requestTimeout: 10_000,
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    const checks = await checkDependencies(deps);
    const { postgres, redis } = checks;
    const detail = deps.readiness.draining
      ? 'The worker is shutting down'
      : postgres === 'down' || redis === 'down'
        ? 'A dependency is unavailable'
        : undefined;
    if (!detail) return { status: 'ok', checks };
    return reply.code(503).type('application/problem+json').send({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      detail,
      requestId: request.id,
      checks,
    });
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await deps.registry.metrics();
    return reply.type(deps.registry.contentType).send(body);
  });

  return app;
}
