import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { connectInspector, type HeapSnapshot } from './lib/inspector.js';
import { freePort, startApi, startWorker } from './lib/processes.js';
import { scrape, total } from './lib/prometheus.js';
import { writeResults } from './lib/report.js';
import { clearRedis, prepareRun } from './lib/setup.js';
import { resultsDir } from './lib/settings.js';
import { runWrk } from './lib/wrk.js';

// npm run bench:soak: the mix for SOAK_SECONDS (default 300), the API's heap sampled every 10 s,
// and a heap snapshot after a forced full GC at the start (after a warm-up) and at the end.
const seconds = Number(process.env.SOAK_SECONDS ?? 300);
const warmUpSeconds = Number(process.env.SOAK_WARMUP_SECONDS ?? 20);
/** Live heap may grow this much from start to end and still count as flat (caches settling). */
const allowedLiveGrowth = 0.05;
const intervalMs = 10_000;
/** The trend is judged on this last stretch, after warm-up (or on the last 60% of a short run). */
const windowSeconds = Math.min(180, seconds * 0.6);

const { tokensFile } = await prepareRun();
const observability = { tracing: true, metrics: true };
const worker = await startWorker({ observability });
const inspectorPort = await freePort();
const api = await startApi({ observability, nodeFlags: [`--inspect=127.0.0.1:${inspectorPort}`] });
const inspector = await connectInspector(inspectorPort);
const mb = (bytes: number) => bytes / 2 ** 20;

/** A GC-forced snapshot; what it says is logged with the split of RSS behind it. */
async function snapshot(label: string): Promise<HeapSnapshot> {
  const taken = await inspector.snapshot(`${resultsDir}/soak-${label}.heapsnapshot`);
  const { rss, heapTotal, external } = taken.memory;
  console.log(
    `${label}: live heap ${mb(taken.liveHeapBytes).toFixed(1)} MB after a full GC; RSS ` +
      `${mb(rss).toFixed(0)} MB = V8 heap ${mb(heapTotal).toFixed(0)} + external ` +
      `${mb(external).toFixed(0)} + the rest (code, stacks, malloc arenas) ` +
      `${mb(rss - heapTotal - external).toFixed(0)}; ${taken.file}`,
  );
  return taken;
}

await runWrk({ url: api.url, seconds: warmUpSeconds, tokensFile, script: 'mix', connections: 32 });
const start = await snapshot('start');

/** Heap in use from the API's own metrics; RSS from /proc when it has none. */
async function apiMemory(): Promise<{ source: string; bytes: number }> {
  const metrics = await scrape(api.metricsUrl);
  const heap = metrics && total(metrics, 'nodejs_heap_size_used_bytes');
  if (heap) return { source: 'nodejs_heap_size_used_bytes', bytes: heap };
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  return { source: 'VmRSS', bytes: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024 };
}

const samples: { second: number; mb: number; source: string }[] = [];
const started = Date.now();
const load = runWrk({ url: api.url, seconds, tokensFile, script: 'mix', connections: 32 });
let finished = false;
void load.finally(() => (finished = true));
while (!finished) {
  const { source, bytes } = await apiMemory();
  samples.push({ second: (Date.now() - started) / 1000, mb: bytes / 2 ** 20, source });
  console.log(
    `${samples.at(-1)?.second.toFixed(0)} s: ${(bytes / 2 ** 20).toFixed(1)} MB (${source})`,
  );
  await Promise.race([sleep(intervalMs), load]);
}
const result = await load;
const end = await snapshot('end');
inspector.close();
await api.stop();
await worker.stop();
await clearRedis();

/** Least-squares slope in MB per minute. */
function slopePerMinute(points: { second: number; mb: number }[]): number {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.second, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.mb, 0) / n;
  const covariance = points.reduce((sum, p) => sum + (p.second - meanX) * (p.mb - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p.second - meanX) ** 2, 0);
  return variance === 0 ? 0 : (covariance / variance) * 60;
}

const lastSecond = samples.at(-1)?.second ?? 0;
const window = samples.filter((sample) => sample.second >= lastSecond - windowSeconds);
const slope = slopePerMinute(window);
// Heap in use saws up and down between major GCs: judge its floor, the low of each third.
const thirds = [0, 1, 2].map((i) =>
  window.filter((_, j) => Math.floor((j * 3) / window.length) === i),
);
const floors = thirds.map((third) => Math.min(...third.map((sample) => sample.mb)));
const floorGrowthMb = (floors[2] ?? 0) - (floors[0] ?? 0);
const floorsFlat = window.length < 6 || floorGrowthMb < (floors[0] ?? 0) * 0.05;
const liveGrowth = end.liveHeapBytes / start.liveHeapBytes - 1;
const flat = liveGrowth <= allowedLiveGrowth && floorsFlat;
console.log(
  `live heap after a full GC: ${mb(start.liveHeapBytes).toFixed(1)} → ` +
    `${mb(end.liveHeapBytes).toFixed(1)} MB (${(liveGrowth * 100).toFixed(1)}%, ` +
    `at most ${allowedLiveGrowth * 100}% allowed); compare the two snapshots in DevTools`,
);
console.log(
  `\nmix: ${result.requestsPerSecond.toFixed(0)} req/s, ${result.errors} errors; over the last ` +
    `${windowSeconds.toFixed(0)} s the heap floor went ${floors.map((mb) => mb.toFixed(1)).join(' → ')} MB ` +
    `(trend ${slope.toFixed(1)} MB/min${window.length < 6 ? ', too few samples to judge' : ''}) → ` +
    `${flat ? 'flat' : 'GROWING'}`,
);
const file = writeResults(
  {
    seconds,
    load: result,
    samples,
    floorsMb: floors,
    slopeMbPerMinute: slope,
    snapshots: { start, end },
    liveHeapGrowth: liveGrowth,
    flat,
  },
  'soak-',
);
console.log(`results: ${file}`);
process.exitCode = flat ? 0 : 1;
