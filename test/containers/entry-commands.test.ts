/**
 * No Docker engine here, so the images' entry commands run outside Docker: each Dockerfile's
 * final stage is parsed (ENV, WORKDIR, COPY, HEALTHCHECK, exact exec-form CMD), its WORKDIR is
 * staged in a temp dir from its COPY instructions (build output, package.json, migrations,
 * node_modules), and the CMD runs there on the project's Node 24 binary with the image ENV.
 * The compose migrate one-shot runs the same way, with the command read from docker-compose.yml.
 *
 * The staged node_modules links to the project's by default; set CONTAINER_NODE_MODULES to a
 * production-only install (`npm ci --omit=dev --prefix DIR`) to prove dev dependencies are not
 * needed at runtime.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  durationMs,
  isIgnored,
  parseDockerignore,
  runtimeImage,
  type RuntimeImage,
} from '../../scripts/check-dockerfiles.js';
import { asObj, asStrings, readYaml } from '../../scripts/lib/yaml.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { withDatabase } from '../helpers/global-setup.js';
import { freePort, jsonLines, statusOf, waitFor } from '../helpers/process.js';

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
// What `node` must mean for anything this project runs directly (STACK.md: Node 24).
const node24 = realpathSync(join(root, 'node_modules/.bin/node'));
const nodeModules = process.env.CONTAINER_NODE_MODULES
  ? resolve(process.env.CONTAINER_NODE_MODULES)
  : join(root, 'node_modules');
const productionSecret = `test-production-secret-${randomBytes(24).toString('hex')}`;
const PORT_VARIABLE = /(^|_)PORT$/;

const work = mkdtempSync(join(tmpdir(), 'orders-images-'));
const builtDist = join(work, 'build', 'dist');
const images = {
  api: runtimeImage(readFileSync(join(root, 'Dockerfile.api'), 'utf8')),
  worker: runtimeImage(readFileSync(join(root, 'Dockerfile.worker'), 'utf8')),
};
type ImageName = keyof typeof images;

// ---------------------------------------------------------------- processes

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}
const running: Started[] = [];

/** Runs argv as the container would: `node` is Node 24, cwd is the staged WORKDIR. */
function start(argv: string[], cwd: string, env: Record<string, string>): Started {
  expect(argv[0], 'the command must run node directly').toBe('node');
  const child = spawn(node24, argv.slice(1), {
    cwd,
    env: {
      ...env,
      // Any `node` the process itself spawns is Node 24 too, as in the image.
      PATH: `${dirname(node24)}:${process.env.PATH ?? ''}`,
      HOME: tmpdir(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: cleanup can SIGKILL everything it started.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const started = { child, output: () => output, exited };
  running.push(started);
  return started;
}

async function exitWithin(process: Started, ms: number, what: string) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not exit within ${ms} ms:\n${process.output()}`)),
      ms,
    );
  });
  try {
    return await Promise.race([process.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the image's HEALTHCHECK command once, killed at its --timeout as Docker does. */
async function healthcheck(image: RuntimeImage, port: number): Promise<number> {
  const check = image.healthcheck?.exec;
  if (!check) throw new Error('the image has no exec-form HEALTHCHECK');
  const imagePort = portOf(image)[1];
  const argv = check.map((arg) => arg.replaceAll(`:${imagePort}/`, `:${port}/`));
  try {
    await execFileAsync(node24, argv.slice(1), {
      timeout: durationMs(image.healthcheck?.options.timeout, 30_000),
      killSignal: 'SIGKILL',
    });
    return 0;
  } catch (error) {
    return typeof (error as { code?: unknown }).code === 'number'
      ? (error as { code: number }).code
      : -1;
  }
}

/** The image's port variable (PORT or WORKER_PORT) and its value. */
function portOf(image: RuntimeImage): [string, number] {
  const entries = Object.entries(image.env).filter(([key]) => PORT_VARIABLE.test(key));
  expect(entries, 'exactly one *PORT variable in the image ENV').toHaveLength(1);
  return [entries[0]![0], Number(entries[0]![1])];
}

// ---------------------------------------------------------------- staging the images

/** Where `/app/x` of the image's filesystem lives in the temp dir. */
const staged = (name: ImageName, containerPath: string) => join(work, name, containerPath);

/**
 * Recreates the runtime stage's WORKDIR from its COPY instructions. Build-stage paths map to
 * the project (the build stage's WORKDIR is a copy of it); dist comes from our own build.
 */
function stageImage(name: ImageName): string {
  const image = images[name];
  const ignore = parseDockerignore(readFileSync(join(root, '.dockerignore'), 'utf8'));
  for (const copy of image.copies) {
    const destination = posix.resolve(image.workdir, copy.dest);
    for (const source of copy.sources) {
      let from: string;
      if (copy.flags.from !== undefined) {
        const stage = image.file.stages.find((s) => s.name === copy.flags.from);
        let stageWorkdir = '/';
        for (const { keyword, args } of stage?.instructions ?? [])
          if (keyword === 'WORKDIR') stageWorkdir = posix.resolve(stageWorkdir, args);
        const inStage = posix.relative(stageWorkdir, posix.resolve(stageWorkdir, source));
        from =
          inStage === 'dist'
            ? builtDist
            : inStage === 'node_modules'
              ? nodeModules
              : join(root, inStage);
      } else {
        from = join(root, source);
      }
      expect(existsSync(from), `COPY source ${source} (line ${copy.line})`).toBe(true);
      const isDirectory = statSync(from).isDirectory();
      const target = staged(
        name,
        isDirectory || !copy.dest.endsWith('/')
          ? destination
          : posix.join(destination, basename(source)),
      );
      mkdirSync(dirname(target), { recursive: true });
      if (from === nodeModules) {
        symlinkSync(nodeModules, target); // too big to copy; read-only use
      } else if (copy.flags.from === undefined) {
        // Only what .dockerignore lets into the build context reaches the image.
        cpSync(from, target, {
          recursive: true,
          filter: (path) => !isIgnored(relative(root, path), ignore),
        });
      } else {
        cpSync(from, target, { recursive: true });
      }
    }
  }
  return staged(name, image.workdir);
}

// ---------------------------------------------------------------- databases

const maintenanceUrl = () => inject('databaseUrl');
const databases: TestDatabase[] = [];
const migrateDatabases: string[] = [];

async function onMaintenance<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: maintenanceUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const migrationCount = readdirSync(join(root, 'migrations')).filter((file) =>
  /\.(sql|js|cjs|mjs)$/.test(file),
).length;

// ---------------------------------------------------------------- lifecycle

beforeAll(async () => {
  // Our own build, not the shared dist/: other work in this tree must not race it.
  await execFileAsync(
    node24,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      builtDist,
    ],
    { cwd: root, timeout: 180_000 },
  ).catch((error: { stdout?: string; message: string }) => {
    throw new Error(
      `the build (tsc -p tsconfig.build.json) failed:\n${error.stdout ?? error.message}`,
    );
  });
  stageImage('api');
  stageImage('worker');
}, 240_000);

afterAll(async () => {
  for (const started of running) {
    if (started.child.exitCode === null && started.child.signalCode === null) {
      try {
        process.kill(-started.child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await started.exited;
    }
  }
  const problems: unknown[] = [];
  for (const database of databases) await database.drop().catch((error) => problems.push(error));
  for (const name of migrateDatabases) {
    await onMaintenance((client) =>
      client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
    ).catch((error) => problems.push(error));
  }
  rmSync(work, { recursive: true, force: true });
  if (problems.length > 0) throw new AggregateError(problems, 'cleanup failed');
});

// ---------------------------------------------------------------- tests

describe('the images run on Node 24', () => {
  it('when `node` of an image CMD is resolved to the project binary, then it reports v24', async () => {
    const { stdout } = await execFileAsync(node24, ['-p', 'process.version']);
    expect(stdout.trim()).toMatch(/^v24\./);
    for (const image of Object.values(images)) expect(image.cmd?.[0]).toBe('node');
  });
});

describe.each(Object.keys(images) as ImageName[])('the %s image', (name) => {
  const image = images[name];

  it('when its final stage is parsed, then it declares production ENV, /app, a non-root user, the port and an exec-form CMD', () => {
    const [portVariable, port] = portOf(image);
    expect(image.env).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(image.workdir).toBe('/app');
    expect(image.user).toBeDefined();
    expect(image.user).not.toMatch(/^(root|0)(:|$)/);
    expect(image.expose).toEqual([port]);
    expect(portVariable).toBe(name === 'api' ? 'PORT' : 'WORKER_PORT');
    expect(image.healthcheck?.exec?.[0]).toBe('node');
    expect(image.healthcheck?.exec?.join(' ')).toContain(`http://127.0.0.1:${port}/`);
    expect(image.cmd, `CMD ${image.cmdRaw ?? ''} must be a JSON array`).toBeDefined();
    // The staged WORKDIR holds what the image's /app does.
    for (const entry of ['package.json', 'dist', 'node_modules', 'migrations'])
      expect(existsSync(join(staged(name, image.workdir), entry)), entry).toBe(true);
  });

  it('when its exact CMD runs with the image ENV, then the HEALTHCHECK passes, /readyz is 200, and SIGTERM exits 0 within SHUTDOWN_TIMEOUT_MS with shutdown complete', async () => {
    const database = await createTestDatabase();
    databases.push(database);
    const [portVariable] = portOf(image);
    const port = await freePort();
    const env: Record<string, string> = {
      ...image.env,
      // Loopback is enough outside a container network (the image listens on 0.0.0.0).
      HOST: '127.0.0.1',
      [portVariable]: String(port),
      DATABASE_URL: database.url,
      REDIS_URL: inject('redisUrl'),
      JWT_SECRET: productionSecret,
      // Queues of their own: other tests share this Redis.
      REDIS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
    };
    const config = loadConfig(env);
    expect(config.NODE_ENV).toBe('production');

    // Nothing listens yet: the probe must fail, or a pass below would prove nothing.
    expect(await healthcheck(image, port)).not.toBe(0);

    const cwd = staged(name, image.workdir);
    const app = start(image.cmd!, cwd, env);
    // Docker's budget before it calls a container unhealthy.
    const options = image.healthcheck!.options;
    const healthBudget =
      durationMs(options['start-period'], 0) +
      durationMs(options.interval, 30_000) * Number(options.retries ?? 3);
    await waitFor(
      `the ${name} HEALTHCHECK to pass`,
      async () => {
        if (app.child.exitCode !== null) throw new Error(`exited early:\n${app.output()}`);
        return (await healthcheck(image, port)) === 0 ? true : undefined;
      },
      Math.min(healthBudget, 45_000),
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${app.output()}`, { cause: error });
    });
    await waitFor(
      `/readyz of ${name} to answer 200`,
      async () => ((await statusOf(`http://127.0.0.1:${port}/readyz`)) === 200 ? true : undefined),
      10_000,
    );

    const logs = jsonLines(app.output());
    expect(logs.length, 'production logs are JSON lines').toBeGreaterThan(0);
    expect(
      logs.filter((line) => Number(line.level) >= 50),
      'no error or fatal logs at start',
    ).toEqual([]);

    // `docker stop`: SIGTERM to PID 1 (node itself: exec-form CMD, no shell in between).
    const stoppedAt = performance.now();
    app.child.kill('SIGTERM');
    const exit = await exitWithin(app, config.SHUTDOWN_TIMEOUT_MS + 2_000, name);
    const elapsed = performance.now() - stoppedAt;
    expect(exit, app.output()).toEqual({ code: 0, signal: null });
    expect(elapsed).toBeLessThan(config.SHUTDOWN_TIMEOUT_MS);
    expect(jsonLines(app.output()).map((line) => line.msg)).toContain('shutdown complete');
  }, 90_000);
});

describe('the compose migrate one-shot', () => {
  let command: string[] = [];
  let image: RuntimeImage;
  let cwd = '';

  beforeAll(async () => {
    const [compose] = await readYaml(join(root, 'docker-compose.yml'));
    const migrate = asObj(asObj(asObj(compose).services).migrate);
    const raw = migrate.command;
    command = typeof raw === 'string' ? raw.split(/\s+/) : asStrings(raw);
    const dockerfile = String(asObj(migrate.build).dockerfile ?? 'Dockerfile');
    const name = (Object.keys(images) as ImageName[]).find(
      (key) => `Dockerfile.${key}` === dockerfile,
    );
    if (!name) throw new Error(`migrate builds ${dockerfile}, which this test does not stage`);
    image = images[name];
    cwd = staged(name, image.workdir);
  });

  function migrateEnv(database: string): Record<string, string> {
    migrateDatabases.push(database);
    return {
      ...image.env,
      DATABASE_URL: withDatabase(maintenanceUrl(), database),
      REDIS_URL: inject('redisUrl'),
      JWT_SECRET: productionSecret,
    };
  }

  async function runMigrate(env: Record<string, string>) {
    const run = start(command, cwd, env);
    const exit = await exitWithin(run, 30_000, 'migrate');
    const applied = /migrations applied: (\d+)/.exec(run.output())?.[1];
    return {
      ...exit,
      output: run.output(),
      applied: applied === undefined ? undefined : Number(applied),
    };
  }

  async function appliedRows(database: string): Promise<number> {
    const client = new pg.Client({ connectionString: withDatabase(maintenanceUrl(), database) });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM pgmigrations');
      return Number(rows[0]?.count);
    } finally {
      await client.end();
    }
  }

  it('when it runs twice in a row on a missing database, then it creates and migrates it, then applies nothing, both exiting 0', async () => {
    expect(command[0]).toBe('node');
    const database = `orders_migrate_${randomBytes(5).toString('hex')}`;
    const env = migrateEnv(database);
    const first = await runMigrate(env);
    expect(first, first.output).toMatchObject({ code: 0, applied: migrationCount });
    const second = await runMigrate(env);
    expect(second, second.output).toMatchObject({ code: 0, applied: 0 });
    expect(await appliedRows(database)).toBe(migrationCount);
  }, 60_000);

  it('when two run at once, then the advisory lock serialises them: both exit 0 and each migration is applied once', async () => {
    const database = `orders_migrate_${randomBytes(5).toString('hex')}`;
    const env = migrateEnv(database);
    await onMaintenance((client) =>
      client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`),
    );
    const results = await Promise.all([runMigrate(env), runMigrate(env)]);
    for (const result of results) expect(result.code, result.output).toBe(0);
    expect(results.map((result) => result.applied).sort()).toEqual([0, migrationCount]);
    expect(await appliedRows(database)).toBe(migrationCount);
  }, 60_000);

  it('when two run at once on a missing database, then both exit 0', async () => {
    const env = migrateEnv(`orders_migrate_${randomBytes(5).toString('hex')}`);
    const results = await Promise.all([runMigrate(env), runMigrate(env)]);
    for (const result of results) expect(result.code, result.output).toBe(0);
  }, 60_000);
});
