import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { DatabasePool } from 'slonik';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { buildApp } from '../../src/api/app.js';
import { openApiPath } from '../../src/api/openapi.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createDatabasePool } from '../../src/db/pool.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { createResponseValidator, type Exchange } from './openapi-validator.js';

export interface TestContext {
  app: FastifyInstance;
  db: DatabasePool;
  redis: Redis;
  config: Config;
  readiness: { draining: boolean };
}

export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    REDIS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
    // Tests register and search from one address far more than a person would; the limits'
    // own tests set them low again.
    REGISTER_RATE_LIMIT_PER_IP: '1000000',
    SEARCH_RATE_LIMIT_PER_IP: '1000000',
    ...overrides,
  });
}

/**
 * Gives the test file its own database and Redis namespace and an app built on them.
 * Read the context inside tests/hooks (it is filled in `beforeAll`).
 */
export function useTestApp(overrides: Record<string, string> = {}): TestContext {
  const context = {} as TestContext;
  let database: TestDatabase;
  const validateResponses = useResponseValidation();

  beforeAll(async () => {
    database = await createTestDatabase();
    context.config = testConfig(database.url, overrides);
    context.db = await createDatabasePool({
      url: database.url,
      maximumPoolSize: context.config.DATABASE_POOL_SIZE,
      statementTimeoutMs: context.config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: context.config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    context.redis = new Redis(context.config.REDIS_URL, { maxRetriesPerRequest: 1 });
    context.readiness = { draining: false };
    context.app = await buildApp({
      config: context.config,
      db: context.db,
      redis: context.redis,
      readiness: context.readiness,
    });
    validateResponses(context.app);
    await context.app.ready();
  });

  afterAll(async () => {
    await context.app?.close();
    await context.db?.end();
    if (context.redis) {
      const keys = await context.redis.keys(`${context.config.REDIS_KEY_PREFIX}*`);
      if (keys.length) await context.redis.del(...keys);
      context.redis.disconnect();
    }
    await database?.drop();
  });

  return context;
}

/**
 * Checks every response an app sends against the OpenAPI document it serves (status, media
 * type, body, headers). A mismatch fails the test that caused it, in an afterEach hook, so the
 * document cannot drift from what the routes really answer. Call at collection time; pass the
 * app to the returned function before `ready()`.
 */
export function useResponseValidation(): (app: FastifyInstance) => void {
  const violations: string[] = [];
  afterEach(() => {
    expect(violations.splice(0), 'responses that contradict the OpenAPI document').toEqual([]);
  });
  return (app) => {
    let validate: ((exchange: Exchange) => string[]) | undefined;
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url === openApiPath) return payload;
      validate ??= createResponseValidator(app.swagger());
      // Fastify drops the body of a 204 after this hook: the wire has none.
      const body =
        payload === null || payload === undefined || reply.statusCode === 204
          ? ''
          : typeof payload === 'string' || Buffer.isBuffer(payload)
            ? payload.toString()
            : undefined;
      violations.push(
        ...validate({
          method: request.method,
          route: request.routeOptions.url,
          statusCode: reply.statusCode,
          headers: reply.getHeaders(),
          body,
        }),
      );
      return payload;
    });
  };
}
