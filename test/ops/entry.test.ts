import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../helpers/global-setup.js';
import {
  freePort,
  spawnEntry,
  spawnProcess,
  statusOf,
  waitFor,
  type SpawnedProcess,
} from '../helpers/process.js';

const running: SpawnedProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((child) => child.kill()));
});

async function exitOf(entry: string, env: Record<string, string>) {
  const child = spawnEntry(entry, env);
  running.push(child);
  const exit = await Promise.race([
    child.exited,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${entry} did not exit`)), 20_000),
    ),
  ]);
  return { ...exit, output: child.output().trim() };
}

describe('configuration errors at start', () => {
  it('when PORT is not a number, then the API exits 1 with one line naming PORT', async () => {
    const { code, output } = await exitOf('src/api/main.ts', { PORT: 'abc' });
    expect(code).toBe(1);
    expect(output.split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Invalid environment variable PORT: /);
  });

  it('when NODE_ENV is production and JWT_SECRET is the development default, then the API refuses to start', async () => {
    const { code, output } = await exitOf('src/api/main.ts', { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(output).toMatch(/^Invalid environment variable JWT_SECRET: .*production/);
    expect(output.split('\n')).toHaveLength(1);
  });
});

describe('npm start', () => {
  const name = `orders_start_${randomBytes(5).toString('hex')}`;
  const maintenanceUrl = inject('databaseUrl');

  afterAll(async () => {
    const client = new pg.Client({ connectionString: maintenanceUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });

  it('when the database is missing, then it is created and migrated, the API starts and prints its URLs, and SIGTERM exits 0', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toBe('tsx --import ./src/api/instrument.ts src/dev.ts');
    const port = await freePort();
    // What `npm start` runs (npm itself does not forward SIGTERM to its script).
    const started = spawnProcess(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--import', './src/api/instrument.ts', 'src/dev.ts'],
      {
        PORT: String(port),
        METRICS_PORT: '0',
        DATABASE_URL: withDatabase(maintenanceUrl, name),
        REDIS_URL: inject('redisUrl'),
        SHUTDOWN_DRAIN_DELAY_MS: '0',
      },
    );
    running.push(started);
    await waitFor(
      'readyz to answer 200',
      async () => ((await statusOf(`http://127.0.0.1:${port}/readyz`)) === 200 ? true : undefined),
      30_000,
    );
    const output = started.output();
    expect(output).toContain(`created database ${name}`);
    expect(output).toContain(`http://127.0.0.1:${port}/docs`);
    expect(output).toContain(`http://127.0.0.1:${port}/api/v1`);
    const products = await fetch(`http://127.0.0.1:${port}/api/v1/products`);
    expect(products.status).toBe(200);

    started.child.kill('SIGTERM');
    const { code } = await started.exited;
    expect(code).toBe(0);
    expect(started.output()).toContain('shutdown complete');
  });
});
