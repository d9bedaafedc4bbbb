import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startApi, startWorker } from './lib/processes.js';
import { scrape, total } from './lib/prometheus.js';
import { clearRedis, prepareRun } from './lib/setup.js';
import { runWrk } from './lib/wrk.js';

// npx tsx bench/memory.ts: the API's RSS under the mix at 32 connections, sampled every second
// and split into V8 heap, external (Buffers, ArrayBuffers) and the rest (code, stacks, native
// allocations such as argon2's and glibc's malloc arenas), and GC time per request.
// MEMORY_SECONDS (default 30); MEMORY_API_ENV adds environment to the API, e.g.
// MEMORY_API_ENV=MALLOC_ARENA_MAX=2 or MEMORY_API_ENV=NODE_OPTIONS=--max-semi-space-size=8.
const seconds = Number(process.env.MEMORY_SECONDS ?? 30);
const apiEnv = Object.fromEntries(
  (process.env.MEMORY_API_ENV ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const { tokensFile } = await prepareRun();
const observability = { tracing: true, metrics: true };
const worker = await startWorker({ observability });
const api = await startApi({ observability, env: apiEnv });

function status(): { rss: number; anon: number; file: number } {
  const text = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  return { rss: kb('VmRSS') * 1024, anon: kb('RssAnon') * 1024, file: kb('RssFile') * 1024 };
}

interface Sample {
  second: number;
  rss: number;
  anon: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
}
const samples: Sample[] = [];
const started = Date.now();
const load = runWrk({ url: api.url, seconds, tokensFile, script: 'mix', connections: 32 });
let finished = false;
void load.finally(() => (finished = true));
while (!finished) {
  const metrics = await scrape(api.metricsUrl);
  const read = (name: string) => (metrics && total(metrics, name)) ?? 0;
  samples.push({
    second: (Date.now() - started) / 1000,
    ...status(),
    heapTotal: read('nodejs_heap_size_total_bytes'),
    heapUsed: read('nodejs_heap_size_used_bytes'),
    external: read('nodejs_external_memory_bytes'),
  });
  await Promise.race([sleep(1_000), load]);
}
const result = await load;
const gcSeconds =
  total((await scrape(api.metricsUrl)) ?? [], 'nodejs_gc_duration_seconds_sum') ?? 0;
await api.stop();
await worker.stop();
await clearRedis();

const peak = samples.reduce((a, b) => (b.rss > a.rss ? b : a));
const last = samples.at(-1) ?? peak;
const split = (s: Sample) =>
  `RSS ${mb(s.rss)} MB (anon ${mb(s.anon)}) = V8 heap ${mb(s.heapTotal)} (used ${mb(s.heapUsed)})` +
  ` + external ${mb(s.external)} + rest ${mb(s.rss - s.heapTotal - s.external)}`;
console.log(`API env: ${JSON.stringify(apiEnv)}`);
console.log(
  `mix c=32 ${seconds} s: ${result.requestsPerSecond.toFixed(0)} req/s, ${result.errors} errors`,
);
console.log(`peak at ${peak.second.toFixed(0)} s: ${split(peak)}`);
console.log(`end: ${split(last)}`);
console.log(
  `GC over the run: ${gcSeconds.toFixed(2)} s, ` +
    `${((gcSeconds * 1e6) / Math.max(1, result.requests)).toFixed(0)} µs per request`,
);
