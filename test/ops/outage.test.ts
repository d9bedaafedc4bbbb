import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseIfMissing } from '../../src/db/create-database.js';
import { migrate } from '../../src/db/migrate.js';
import { uniqueEmail } from '../helpers/auth.js';
import {
  freePort,
  spawnEntry,
  startOwnPostgres,
  startOwnRedis,
  waitFor,
  type OwnPostgres,
  type OwnRedis,
  type SpawnedProcess,
} from '../helpers/process.js';

// The real API process against a Postgres and a Redis of its own, which this file stops and starts.
let postgres: OwnPostgres | undefined;
let redis: OwnRedis | undefined;
let api: SpawnedProcess | undefined;
let base = '';
const password = 'correct horse battery';
const email = uniqueEmail('outage');

interface Answer {
  status: number;
  body: any;
  contentType: string | null;
  ms: number;
}

async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    contentType: response.headers.get('content-type'),
    ms: Math.round(performance.now() - started),
  };
}

const logIn = (who = email, secret = password) =>
  call('/api/v1/auth/login', { body: { email: who, password: secret } });

function expectUnavailable(answer: Answer) {
  expect(answer.contentType).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(answer.status).toBe(503);
}

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
  const databaseUrl = postgres.url.replace(/\/postgres$/, '/orders');
  await createDatabaseIfMissing(databaseUrl);
  await migrate(databaseUrl);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  api = spawnEntry('src/api/main.ts', {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATABASE_CONNECT_TIMEOUT_MS: '1000',
    REDIS_URL: redis.url,
    LOGIN_RATE_LIMIT_PER_EMAIL: '3',
    LOG_LEVEL: 'info',
  });
  await waitFor('the API to be ready', async () =>
    (await call('/readyz').catch(() => undefined))?.status === 200 ? true : undefined,
  );
  const registered = await call('/api/v1/auth/register', { body: { email, password } });
  expect(registered.status).toBe(201);
}, 60_000);

afterAll(async () => {
  await api?.kill();
  await redis?.stop();
  await postgres?.destroy();
});

describe('when Postgres is killed while the API runs', () => {
  let token = '';

  it('then /readyz, login and /users/me answer 503 problem+json quickly, and /healthz stays 200', async () => {
    const before = await logIn();
    expect(before.status).toBe(200);
    token = before.body.accessToken;
    // Pooled connections exist now; the kill breaks them under the pool's feet.
    await postgres!.kill();

    const ready = await call('/readyz');
    expectUnavailable(ready);
    expect(ready.body.checks).toEqual({ postgres: 'down', redis: 'up' });
    const login = await logIn();
    expectUnavailable(login);
    const me = await call('/api/v1/users/me', { token });
    expectUnavailable(me);
    expect((await call('/healthz')).status).toBe(200);
    console.info(
      `503 while Postgres is down: readyz ${ready.ms} ms, login ${login.ms} ms, me ${me.ms} ms`,
    );
    for (const answer of [ready, login, me]) expect(answer.ms).toBeLessThan(1_500);
    expect(JSON.stringify([ready.body, login.body, me.body])).not.toMatch(/ECONNREFUSED|terminat/i);
  });

  it('then starting Postgres again recovers without restarting the API', async () => {
    await postgres!.start();
    const recoveredAfter = performance.now();
    await waitFor('readyz to answer 200', async () =>
      (await call('/readyz')).status === 200 ? true : undefined,
    );
    console.info(
      `ready again ${Math.round(performance.now() - recoveredAfter)} ms after Postgres started`,
    );
    expect((await logIn()).status).toBe(200);
    expect((await call('/api/v1/users/me', { token })).status).toBe(200);
    expect(api!.child.exitCode).toBeNull();
  });
});

describe('when Redis is down', () => {
  it('then /readyz answers 200 reporting redis down, and login works without rate limiting', async () => {
    await redis!.stop();
    const ready = await waitFor('readyz to report redis down', async () => {
      const answer = await call('/readyz');
      return answer.body?.checks?.redis === 'down' ? answer : undefined;
    });
    expect(ready.status).toBe(200);
    expect(ready.body.checks.postgres).toBe('up');
    // Fails open: more attempts than the per-email limit (3) all reach the credentials check.
    for (let attempt = 0; attempt < 5; attempt++) {
      const login = await logIn();
      expect(login.status).toBe(200);
      expect(login.ms).toBeLessThan(1_500);
    }
  });

  it('then when Redis is back the client reconnects and rate limiting applies again', async () => {
    await redis!.start();
    await waitFor(
      'readyz to report redis up',
      async () => ((await call('/readyz')).body?.checks?.redis === 'up' ? true : undefined),
      20_000,
    );
    const someone = uniqueEmail('limited');
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      statuses.push((await logIn(someone, 'wrong password')).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('then when Redis hangs (no answers at all), login and /readyz still answer quickly', async () => {
    redis!.pause();
    try {
      const login = await logIn();
      expect(login.status).toBe(200);
      const ready = await call('/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks.redis).toBe('down');
      console.info(`with Redis hung: login ${login.ms} ms, readyz ${ready.ms} ms`);
      expect(login.ms).toBeLessThan(2_500);
      expect(ready.ms).toBeLessThan(1_500);
    } finally {
      redis!.resume();
    }
  });
});
