import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { DatabasePool } from 'slonik';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import type { Config } from '../../src/config.js';
import { createDatabasePool } from '../../src/db/pool.js';
import { testConfig, useResponseValidation } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

export interface CapturedApp {
  app: FastifyInstance;
  db: DatabasePool;
  config: Config;
  /** Raw log output so far (one JSON object per line). */
  logText: () => string;
  logLines: () => Record<string, unknown>[];
}

/**
 * Like useTestApp, but logs at debug level into memory, and lets a test add routes
 * (e.g. one that throws) before the app is ready.
 */
export function useCapturedApp(
  options: {
    overrides?: Record<string, string>;
    addRoutes?: (app: FastifyInstance, db: DatabasePool) => void;
  } = {},
): CapturedApp {
  let text = '';
  const context = {
    logText: () => text,
    logLines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  } as CapturedApp;
  let database: TestDatabase | undefined;
  let redis: Redis | undefined;
  const validateResponses = useResponseValidation();

  beforeAll(async () => {
    database = await createTestDatabase();
    context.config = testConfig(database.url, { LOG_LEVEL: 'debug', ...options.overrides });
    context.db = await createDatabasePool({
      url: database.url,
      maximumPoolSize: context.config.DATABASE_POOL_SIZE,
      statementTimeoutMs: context.config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: context.config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    redis = new Redis(context.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    context.app = await buildApp({ config: context.config, db: context.db, redis, logStream });
    options.addRoutes?.(context.app, context.db);
    validateResponses(context.app);
    await context.app.ready();
  });

  afterAll(async () => {
    await context.app?.close();
    await context.db?.end();
    if (redis) {
      const keys = await redis.keys(`${context.config.REDIS_KEY_PREFIX}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await database?.drop();
  });

  return context;
}
