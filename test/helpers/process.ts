import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const run = promisify(execFile);
const repoRoot = new URL('../..', import.meta.url).pathname;

/** A port the OS says is free right now (for child processes that must be told their port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
}

export interface SpawnedProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGKILL to the process group if the process still runs (cleanup). */
  kill: () => Promise<void>;
}

/** Runs a TypeScript entry of this repo with Node + tsx, the way `npm start` / `npm run` do. */
/** An API's metrics listener takes any free port, so API processes of parallel tests never clash. */
export function spawnEntry(entry: string, env: Record<string, string>): SpawnedProcess {
  return spawnProcess(process.execPath, ['--import', 'tsx', entry], { METRICS_PORT: '0', ...env });
}

/** The API entry on `port`, with the test's database and a Redis key prefix of its own. */
export function spawnApi(
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): SpawnedProcess {
  return spawnEntry('src/api/main.ts', {
    NODE_ENV: 'test',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    REDIS_URL: inject('redisUrl'),
    REDIS_KEY_PREFIX: `test:${randomBytes(6).toString('hex')}:`,
    ...env,
  });
}

export function spawnProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
): SpawnedProcess {
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so cleanup also reaches grandchildren (tsx's CLI runs node under it).
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        process.kill(-child.pid!, 'SIGKILL');
        await exited;
      }
    },
  };
}

/** Parses the JSON log lines a process wrote (other lines are skipped). */
export function jsonLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Resolves with the HTTP status of GET `url`, or undefined while nothing answers. */
export async function statusOf(url: string, timeoutMs = 2_000): Promise<number | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}

const postgresBin = '/usr/lib/postgresql/15/bin';

export interface OwnPostgres {
  /** Maintenance database URL. */
  url: string;
  start: () => Promise<void>;
  /** Stops at once, the way a crash or a killed container does. */
  kill: () => Promise<void>;
  /** Stops and deletes the data directory. */
  destroy: () => Promise<void>;
}

/** A private Postgres (outage tests must never stop the shared one); initdb refuses root. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'orders-pg-'));
  const { stdout } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  const asPostgres = (bin: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', join(postgresBin, bin), ...args], { timeout: 30_000 });

  const port = await freePort();
  const data = join(dir, 'data');
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const start = async () => {
    await asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  };
  const stop = (mode: string) =>
    asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']).catch(() => {});
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    kill: async () => {
      await stop('immediate');
    },
    destroy: async () => {
      await stop('immediate');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnRedis {
  url: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** SIGSTOP / SIGCONT: connections stay open but nothing answers (a hung server). */
  pause: () => void;
  resume: () => void;
}

/** A private redis-server without persistence, on a port of its own. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let server: SpawnedProcess | undefined;
  const start = async () => {
    server = spawnProcess(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {},
    );
    const current = server;
    await waitFor('redis-server to accept connections', () =>
      current.output().includes('Ready to accept connections') ? true : undefined,
    );
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    stop: async () => {
      await server?.kill();
    },
    pause: () => server?.child.kill('SIGSTOP'),
    resume: () => server?.child.kill('SIGCONT'),
  };
}
