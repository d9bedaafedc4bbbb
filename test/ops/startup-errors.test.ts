import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../helpers/global-setup.js';
import {
  freePort,
  jsonLines,
  sleep,
  spawnProcess,
  statusOf,
  waitFor,
  type SpawnedProcess,
} from '../helpers/process.js';

const tsxCli = 'node_modules/tsx/dist/cli.mjs';
/** What each package.json script runs, from source (npm itself adds lines of its own). */
const entries = {
  'start:api': ['--import', 'tsx', '--import', './src/api/instrument.ts', 'src/api/main.ts'],
  'start:worker': [
    '--import',
    'tsx',
    '--import',
    './src/workers/instrument.ts',
    'src/workers/main.ts',
  ],
  start: [tsxCli, '--import', './src/api/instrument.ts', 'src/dev.ts'],
  migrate: [tsxCli, 'src/db/migrate-cli.ts'],
} as const;

const running: SpawnedProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((child) => child.kill()));
});

function spawnScript(script: keyof typeof entries, env: Record<string, string>) {
  const child = spawnProcess(process.execPath, [...entries[script]], {
    SHUTDOWN_DRAIN_DELAY_MS: '0',
    ...env,
  });
  running.push(child);
  return child;
}

async function exitOf(script: keyof typeof entries, env: Record<string, string>) {
  const child = spawnScript(script, env);
  const exit = await Promise.race([
    child.exited,
    sleep(60_000).then(() => {
      throw new Error(`${script} did not exit; output:\n${child.output()}`);
    }),
  ]);
  return { code: exit.code, lines: child.output().trim().split('\n') };
}

describe.concurrent('start-up with a dependency out of reach', async () => {
  const maintenanceUrl = inject('databaseUrl');
  const deadPostgresPort = await freePort();
  const deadRedisPort = await freePort();
  const unreachablePostgres = withDatabase(
    `postgres://postgres@127.0.0.1:${deadPostgresPort}`,
    'orders',
  );
  const missingDatabase = withDatabase(maintenanceUrl, 'orders_never_created');
  const unreachableRedis = `redis://127.0.0.1:${deadRedisPort}`;
  const refused = (port: number, variable: string, what: string) =>
    new RegExp(
      `^Cannot connect to ${what} at 127\\.0\\.0\\.1:${port} \\(${variable}\\): connection refused`,
    );
  const postgresRefused = refused(deadPostgresPort, 'DATABASE_URL', 'Postgres');
  const redisRefused = refused(deadRedisPort, 'REDIS_URL', 'Redis');
  const databaseMissing =
    /^Database "orders_never_created" does not exist on Postgres at .*\(DATABASE_URL\); create and migrate it with: npm run migrate$/;

  it.each([
    [
      'start:api',
      'Postgres is unreachable',
      { DATABASE_URL: unreachablePostgres },
      postgresRefused,
    ],
    ['start:api', 'the database is missing', { DATABASE_URL: missingDatabase }, databaseMissing],
    [
      'start:worker',
      'Postgres is unreachable',
      { DATABASE_URL: unreachablePostgres },
      postgresRefused,
    ],
    ['start:worker', 'the database is missing', { DATABASE_URL: missingDatabase }, databaseMissing],
    [
      'start:worker',
      'Redis is unreachable',
      { DATABASE_URL: maintenanceUrl, REDIS_URL: unreachableRedis },
      redisRefused,
    ],
    ['start', 'Postgres is unreachable', { DATABASE_URL: unreachablePostgres }, postgresRefused],
    [
      'start',
      'Redis is unreachable',
      { DATABASE_URL: maintenanceUrl, REDIS_URL: unreachableRedis },
      redisRefused,
    ],
    ['migrate', 'Postgres is unreachable', { DATABASE_URL: unreachablePostgres }, postgresRefused],
  ] as const)(
    'when `npm run %s` starts and %s, then it prints one line naming the variable and exits 1',
    async (script, _situation, env, line) => {
      const { code, lines } = await exitOf(script, { REDIS_URL: inject('redisUrl'), ...env });
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(line);
      expect(code).toBe(1);
    },
    90_000,
  );

  it('when Redis is down while the API runs, then the outage is logged once without a stack, not on every reconnect', async () => {
    const port = await freePort();
    const api = spawnScript('start:api', {
      PORT: String(port),
      DATABASE_URL: maintenanceUrl,
      REDIS_URL: unreachableRedis,
    });
    await waitFor(
      'the API to answer',
      async () => ((await statusOf(`http://127.0.0.1:${port}/healthz`)) === 200 ? true : undefined),
      60_000,
    );
    // ioredis retries at 50, 100, 150 … ms: several attempts fit in this window.
    await sleep(5_000);
    const redisLines = jsonLines(api.output()).filter((line) => /redis/i.test(String(line.msg)));
    expect(redisLines).toHaveLength(1);
    expect(redisLines[0]).toMatchObject({ level: 'warn', code: 'ECONNREFUSED' });
    expect(JSON.stringify(redisLines[0])).not.toContain('stack');
    await api.kill();
  }, 90_000);
});
