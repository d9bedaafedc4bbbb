import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { configVariables } from '../../src/config.js';
import {
  databasePoolSize,
  databaseUrl,
  jwtSecret,
  redisKeyPrefix,
  redisUrl,
  repoRoot,
  resultsDir,
} from './settings.js';

export interface Service {
  name: string;
  pid: number;
  url: string;
  /** Where its /metrics is: the worker's own port, the API's metrics listener. */
  metricsUrl: string;
  /** SIGTERM (or `signal`), then waits for a clean exit; SIGKILL after `timeoutMs`. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number | null>;
}

export interface Observability {
  tracing: boolean;
  metrics: boolean;
}

/** What the tree offers today: the tracing preload files, and a metrics switch if any. */
export const instrumentation = {
  api: `${repoRoot}dist/api/instrument.js`,
  worker: `${repoRoot}dist/workers/instrument.js`,
  metricsSwitch: configVariables.find((name) => /^METRICS_(ENABLED|ON)$/.test(name)),
};

/** The API's V8 flags as Dockerfile.api sets them, so the bench's RSS is production's. */
export const apiNodeFlags = ['--max-semi-space-size=8'];

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
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

/** Production-like settings; abuse limits raised so the mix's requests are not refused. */
function serviceEnv(port: number, workerPort: number, observability: Observability) {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    WORKER_PORT: String(workerPort),
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(databasePoolSize),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    JWT_SECRET: jwtSecret,
    LOGIN_RATE_LIMIT_PER_IP: '1000000000',
    LOGIN_RATE_LIMIT_PER_EMAIL: '1000000000',
    REGISTER_RATE_LIMIT_PER_IP: '1000000000',
    SEARCH_RATE_LIMIT_PER_IP: '1000000000',
    SHUTDOWN_DRAIN_DELAY_MS: '100',
    // The webhook sink and payment stub listen on loopback, which production refuses by default.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...(instrumentation.metricsSwitch
      ? { [instrumentation.metricsSwitch]: String(observability.metrics) }
      : {}),
  };
}

/** Logs go to /dev/null (pino still formats them) unless BENCH_KEEP_LOGS=1. */
function logTarget(name: string): number {
  return openSync(process.env.BENCH_KEEP_LOGS ? `${resultsDir}/${name}.log` : '/dev/null', 'a');
}

export function spawnService(
  name: string,
  args: string[],
  env: Record<string, string>,
  url: string,
  readyPath: string,
  metricsUrl = url,
): Promise<Service> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', logTarget(name), 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  const service: Service = {
    name,
    pid: child.pid,
    url,
    metricsUrl,
    stop: async (signal = 'SIGTERM', timeoutMs = 30_000) => {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  return waitUntilReady(service, child, `${url}${readyPath}`, () => stderr);
}

async function waitUntilReady(
  service: Service,
  child: ChildProcess,
  probeUrl: string,
  stderr: () => string,
): Promise<Service> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const status = await fetch(probeUrl).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return service;
    await sleep(100);
  }
  await service.stop('SIGKILL');
  throw new Error(`${service.name} did not become ready (${probeUrl}):\n${stderr()}`);
}

export interface NodeOptions {
  observability: Observability;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeFlags?: string[];
  /** Extra environment, e.g. the webhook sink's URL. */
  env?: Record<string, string>;
}

function preload(file: string, tracing: boolean): string[] {
  return tracing && existsSync(file) ? ['--import', file] : [];
}

export async function startApi({
  observability,
  nodeFlags = [],
  env: extraEnv = {},
}: NodeOptions): Promise<Service> {
  const port = await freePort();
  const args = [
    ...apiNodeFlags,
    ...nodeFlags,
    ...preload(instrumentation.api, observability.tracing),
    'dist/api/main.js',
  ];
  const url = `http://127.0.0.1:${port}`;
  const metricsPort = await freePort();
  const env = {
    ...serviceEnv(port, 0, observability),
    METRICS_PORT: String(metricsPort),
    ...extraEnv,
  };
  return spawnService('api', args, env, url, '/readyz', `http://127.0.0.1:${metricsPort}`);
}

export async function startWorker({
  observability,
  nodeFlags = [],
  env = {},
}: NodeOptions): Promise<Service> {
  const port = await freePort();
  const args = [
    ...nodeFlags,
    ...preload(instrumentation.worker, observability.tracing),
    'dist/workers/main.js',
  ];
  const url = `http://127.0.0.1:${port}`;
  const workerEnv = { ...serviceEnv(0, port, observability), ...env };
  return spawnService('worker', args, workerEnv, url, '/readyz');
}

/** bench/bare-server.ts: Fastify + pg and nothing else, the ceiling for a point read. */
export async function startBareServer(): Promise<Service> {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: String(databasePoolSize),
  };
  const url = `http://127.0.0.1:${port}`;
  return spawnService('bare', ['--import', 'tsx', 'bench/bare-server.ts'], env, url, '/healthz');
}

/** SIGINT, as Ctrl-C would: close-with-grace shuts down and Node writes its profiles on exit. */
export async function stopProfiled(service: Service): Promise<void> {
  const code = await service.stop('SIGINT', 60_000);
  if (code !== 0) console.warn(`${service.name} exited with ${code}: profiles may be missing`);
}
