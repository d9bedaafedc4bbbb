/**
 * What tracing and metrics cost the API: wrk drives GET /api/v1/products/{id} on the built API
 * (run `npm run build` first), started these ways:
 *   bare    bench/bare-server.ts: Fastify + pg and nothing else, the ceiling for this route
 *   plain   node dist/api/main.js with METRICS_ENABLED=false: no observability at all
 *   off     node dist/api/main.js (metrics on, no tracing)
 *   on      node --import ./dist/api/instrument.js …   (spans for trace ids, nothing exported)
 *   export  the same, every trace sampled and exported over OTLP/HTTP to a local sink that
 *           discards the spans
 *
 *   npx tsx scripts/measure-tracing-cost.ts [--rounds 3] [--seconds 10] [--connections 32]
 *     [--modes bare,plain,on]
 *
 * Modes alternate within each round, so a busy (shared) machine skews them alike; the spread
 * across rounds says how far to trust the difference. Needs Postgres, Redis and `wrk`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { createDatabaseIfMissing } from '../src/db/create-database.js';
import { migrate } from '../src/db/migrate.js';
import { createDatabasePool } from '../src/db/pool.js';
import { insertProduct } from '../src/db/products.js';

const run = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    modes: { type: 'string', default: 'bare,plain,off,on,export' },
  },
});
const rounds = Number(args.rounds);
const seconds = Number(args.seconds);
const connections = Number(args.connections);

const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/orders');
serverUrl.pathname = '/orders_tracing_cost';
const databaseUrl = serverUrl.toString();
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

type Mode = 'bare' | 'plain' | 'off' | 'on' | 'export';
interface Result {
  mode: Mode;
  round: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (user + system) per request: steadier than req/s on a machine others share. */
  cpuMicrosPerRequest: number;
  errors: number;
}

async function seedProduct(): Promise<string> {
  await createDatabaseIfMissing(databaseUrl);
  await migrate(databaseUrl);
  const db = await createDatabasePool({
    url: databaseUrl,
    maximumPoolSize: 1,
    statementTimeoutMs: 5_000,
    connectTimeoutMs: 5_000,
  });
  try {
    const product = await insertProduct(db, {
      sku: `TRACE-COST-${Date.now()}`,
      name: 'Tracing cost probe',
      description: 'A product read by scripts/measure-tracing-cost.ts',
      priceCents: 1000,
      currency: 'USD',
      stock: 1,
    });
    return product.id;
  } finally {
    await db.end();
  }
}

/** An OTLP/HTTP endpoint that accepts and drops everything (the collector's cost is not ours). */
async function startSink(): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(200).end());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  return port;
}

async function startApi(
  mode: Mode,
  sinkUrl: string,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const preload = ['on', 'export'].includes(mode) ? ['--import', './dist/api/instrument.js'] : [];
  const entry =
    mode === 'bare' ? ['--import', 'tsx', 'bench/bare-server.ts'] : ['dist/api/main.js'];
  const child = spawn(process.execPath, [...preload, ...entry], {
    env: {
      PATH: process.env.PATH ?? '',
      // Production's logger (plain JSON lines), not development's pino-pretty transport.
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
      METRICS_PORT: '0',
      METRICS_ENABLED: String(mode !== 'plain'),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      // Production's level: the per-request line is part of the real cost (written to /dev/null).
      LOG_LEVEL: 'info',
      // Every trace sampled: the most tracing can cost (the default keeps one in ten).
      ...(mode === 'export'
        ? { OTEL_EXPORTER_OTLP_ENDPOINT: sinkUrl, OTEL_TRACES_SAMPLER: 'always_on' }
        : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await fetch(`${url}/${mode === 'bare' ? 'healthz' : 'readyz'}`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return { child, url };
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`the API (${mode}) did not become ready`);
}

/** CPU seconds a process has used so far (utime + stime from /proc, at 100 ticks a second). */
function cpuSeconds(pid: number): number {
  // After the ")" that ends the command name: field 3 (state) onwards; utime is field 14.
  const fields = (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function milliseconds(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) throw new Error(`unexpected wrk latency "${value}"`);
  const factor = { us: 0.001, ms: 1, s: 1000 }[match[2] as 'us' | 'ms' | 's'];
  return Number(match[1]) * factor;
}

async function wrk(url: string, durationSeconds: number) {
  const { stdout } = await run('wrk', [
    '-t1',
    `-c${connections}`,
    `-d${durationSeconds}s`,
    '--latency',
    url,
  ]);
  const field = (pattern: RegExp) => {
    const match = pattern.exec(stdout);
    if (!match?.[1]) throw new Error(`wrk output lacks ${pattern}:\n${stdout}`);
    return match[1];
  };
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1];
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
    .exec(stdout)
    ?.slice(1)
    .reduce((sum, count) => sum + Number(count), 0);
  return {
    requests: Number(field(/(\d+) requests in/)),
    requestsPerSecond: Number(field(/Requests\/sec:\s+([\d.]+)/)),
    p50Ms: milliseconds(field(/\s50%\s+(\S+)/)),
    p99Ms: milliseconds(field(/\s99%\s+(\S+)/)),
    errors: Number(non2xx ?? 0) + (socketErrors ?? 0),
  };
}

async function measure(mode: Mode, round: number, target: string, sinkUrl: string) {
  const api = await startApi(mode, sinkUrl);
  try {
    const url = `${api.url}${target}`;
    await wrk(url, 3); // warm-up: JIT, pool connections
    const pid = api.child.pid ?? Number.NaN;
    const cpuBefore = cpuSeconds(pid);
    const { requests, ...result } = await wrk(url, seconds);
    const cpuMicrosPerRequest = ((cpuSeconds(pid) - cpuBefore) * 1e6) / requests;
    return { mode, round, ...result, cpuMicrosPerRequest };
  } finally {
    api.child.kill('SIGTERM');
    await once(api.child, 'exit');
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const productId = await seedProduct();
const sink = await startSink();
const target = `/api/v1/products/${productId}`;
const modes = args.modes.split(',') as Mode[];
const results: Result[] = [];
try {
  for (let round = 1; round <= rounds; round++) {
    for (const mode of modes) {
      const result = await measure(mode, round, target, sink.url);
      results.push(result);
      console.log(
        `round ${round} ${mode.padEnd(6)} ${result.requestsPerSecond.toFixed(0).padStart(6)} req/s` +
          `  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms` +
          `  cpu ${result.cpuMicrosPerRequest.toFixed(0)} µs/req` +
          (result.errors > 0 ? `  errors ${result.errors}` : ''),
      );
    }
  }
} finally {
  sink.close();
}

console.log(`\nGET ${target.replace(productId, '{id}')}, wrk -t1 -c${connections}, ${seconds} s`);
const medianRps = (mode: Mode) =>
  median(results.filter((r) => r.mode === mode).map((r) => r.requestsPerSecond));
const baselineMode: Mode = modes.includes('plain') ? 'plain' : 'off';
const baseline = medianRps(baselineMode);
const bare = medianRps('bare');
for (const mode of modes) {
  const runs = results.filter((r) => r.mode === mode);
  const rps = runs.map((r) => r.requestsPerSecond);
  const p99 = runs.map((r) => r.p99Ms);
  const cpu = runs.map((r) => r.cpuMicrosPerRequest);
  const change = ((median(rps) / baseline - 1) * 100).toFixed(1);
  const ofBare = ((median(rps) / bare) * 100).toFixed(0);
  console.log(
    `${mode.padEnd(6)} median ${median(rps).toFixed(0)} req/s (${Math.min(...rps).toFixed(0)}–` +
      `${Math.max(...rps).toFixed(0)}), ` +
      `${mode === baselineMode ? 'baseline' : `${change}% vs ${baselineMode}`}, ` +
      `${ofBare}% of bare; ` +
      `p99 median ${median(p99).toFixed(2)} ms (${Math.min(...p99).toFixed(2)}–${Math.max(...p99).toFixed(2)}); ` +
      `cpu median ${median(cpu).toFixed(0)} µs/req (${Math.min(...cpu).toFixed(0)}–${Math.max(...cpu).toFixed(0)})`,
  );
}

// Ratios within a round: the modes ran back to back, so a busy machine moves both sides.
const roundRatio = (mode: Mode, versus: Mode) => {
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const rate = (m: Mode) =>
      results.find((r) => r.round === round && r.mode === m)?.requestsPerSecond;
    const [top, bottom] = [rate(mode), rate(versus)];
    if (top !== undefined && bottom !== undefined) ratios.push(top / bottom);
  }
  return ratios;
};
for (const [mode, versus] of [
  ['on', 'bare'],
  ['on', baselineMode],
  [baselineMode, 'bare'],
] as const) {
  const ratios = roundRatio(mode, versus);
  if (mode === versus || ratios.length === 0) continue;
  console.log(
    `${mode} / ${versus} per round: ${ratios.map((r) => `${(r * 100).toFixed(0)}%`).join(' ')}` +
      ` (median ${(median(ratios) * 100).toFixed(0)}%)`,
  );
}
