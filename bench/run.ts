import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sampleCpu } from './lib/cpu.js';
import {
  consumeLagFromDatabase,
  sampleBacklog,
  waitForEmptyOutbox,
  type LagPercentiles,
} from './lib/database.js';
import { runPgbench } from './lib/pgbench.js';
import {
  instrumentation,
  startApi,
  startBareServer,
  startWorker,
  type Observability,
  type Service,
} from './lib/processes.js';
import { quantileBetween, scrape } from './lib/prometheus.js';
import { printTable, writeResults, type ScenarioResult } from './lib/report.js';
import { clearRedis, prepareRun, resetOrders } from './lib/setup.js';
import { databasePoolSize, databaseUrl, runSeconds } from './lib/settings.js';
import { runWrk, type LoadResult, type WrkRun } from './lib/wrk.js';

const seconds = runSeconds();
const orderConcurrencies = [1, 4, 8, 16];
const readConnections = 64;
const startedAt = new Date();
const machineLoad = loadavg();
const database = new URL(databaseUrl).pathname.slice(1);
const results: ScenarioResult[] = [];

const { tokensFile } = await prepareRun();
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();

/** Runs one load and records it with the CPU of `pids` and of the bench database's backends. */
async function measure(
  scenario: string,
  concurrency: number,
  pids: Record<string, number>,
  load: () => Promise<LoadResult>,
  watchBacklog = false,
): Promise<ScenarioResult> {
  const cpu = sampleCpu(pids, database);
  const backlog = watchBacklog ? sampleBacklog(client) : undefined;
  const loadResult = await load();
  const usage = cpu.stop();
  const result: ScenarioResult = { scenario, concurrency, ...loadResult, cpu: usage.percent };
  if (usage.maxRssBytes.api) result.apiRssMb = usage.maxRssBytes.api / 2 ** 20;
  if (backlog) {
    const { max, end } = await backlog.stop();
    result.backlog = { max, end };
  }
  results.push(result);
  console.log(
    `${scenario} c=${concurrency}: ${loadResult.requestsPerSecond.toFixed(0)}/s, ` +
      `p99 ${loadResult.p99Ms.toFixed(1)} ms, ${loadResult.errors} errors`,
  );
  return result;
}

const wrk = (url: string, options: Omit<WrkRun, 'url' | 'seconds' | 'tokensFile'>) => () =>
  runWrk({ url, seconds, tokensFile, ...options });
const best = (rows: ScenarioResult[]) =>
  rows.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));

// Ceilings first, with no app process touching the database.
const pgbenchRows: ScenarioResult[] = [];
for (const clients of orderConcurrencies) {
  pgbenchRows.push(
    await measure('pgbench create-order (prepared)', clients, {}, () =>
      runPgbench({ clients, seconds, mode: 'prepared' }),
    ),
  );
}
const pgbenchBest = best(pgbenchRows);
// What the code's unnamed statements could reach at the same concurrency.
await measure('pgbench create-order (unnamed)', pgbenchBest.concurrency, {}, () =>
  runPgbench({ clients: pgbenchBest.concurrency, seconds, mode: 'extended' }),
);
await resetOrders();

const bare = await startBareServer();
const bareRow = await measure(
  'GET product by id (bare route)',
  readConnections,
  { bare: bare.pid },
  wrk(bare.url, { script: 'get-product', connections: readConnections }),
);
await bare.stop();

const observed: Observability = { tracing: true, metrics: true };
const worker = await startWorker({ observability: observed });
let api = await startApi({ observability: observed });
const pids = () => ({ api: api.pid, worker: worker.pid });
await runWrk({ url: api.url, seconds: 2, tokensFile, script: 'get-product', connections: 8 });

const getRow = await measure(
  'GET /products/:id',
  readConnections,
  pids(),
  wrk(api.url, { script: 'get-product', connections: readConnections }),
);
getRow.vsLimit = {
  limit: 'bare route',
  ratio: getRow.requestsPerSecond / bareRow.requestsPerSecond,
};
await measure(
  'GET /products?q=',
  readConnections,
  pids(),
  wrk(api.url, { script: 'search-products', connections: readConnections }),
);

const orderRows: ScenarioResult[] = [];
for (const connections of orderConcurrencies) {
  const row = await measure(
    'POST /orders',
    connections,
    pids(),
    wrk(api.url, { script: 'create-order', connections }),
    true,
  );
  row.vsLimit = {
    limit: 'best pgbench',
    ratio: row.requestsPerSecond / pgbenchBest.requestsPerSecond,
  };
  orderRows.push(row);
  await waitForEmptyOutbox(client);
}
const orderBest = best(orderRows);

await measure('mix 80/15/5', 32, pids(), wrk(api.url, { script: 'mix', connections: 32 }), true);
await waitForEmptyOutbox(client);
await measure(
  'POST /orders, hot product',
  16,
  pids(),
  wrk(api.url, { script: 'create-order', connections: 16, hot: true }),
  true,
);
await waitForEmptyOutbox(client);

const outboxLatency = await measureOutboxLatency(worker, orderBest);

// The same read with tracing (and metrics, where a switch exists) off.
await api.stop();
api = await startApi({ observability: { tracing: false, metrics: false } });
await runWrk({ url: api.url, seconds: 2, tokensFile, script: 'get-product', connections: 8 });
const plainRow = await measure(
  'GET /products/:id, observability off',
  readConnections,
  pids(),
  wrk(api.url, { script: 'get-product', connections: readConnections }),
);
plainRow.vsLimit = {
  limit: 'bare route',
  ratio: plainRow.requestsPerSecond / bareRow.requestsPerSecond,
};

await api.stop();
await worker.stop();
await client.end();
await clearRedis();

/**
 * Orders at about half the best rate, paced by wrk's delay(); lag from the outbox insert to the
 * order-created consumer, from the worker's histogram when it has one and from the database.
 */
async function measureOutboxLatency(workerService: Service, fastest: ScenarioResult) {
  const connections = 4;
  const targetRate = fastest.requestsPerSecond / 2;
  const fastestAtFour = orderRows.find((row) => row.concurrency === connections) ?? fastest;
  const delayMs = Math.max(1, Math.round((connections * 1000) / targetRate - fastestAtFour.p50Ms));
  const before = await scrape(workerService.url);
  const from = new Date();
  const paced = await measure(
    'POST /orders, paced at ~half max',
    connections,
    pids(),
    wrk(api.url, { script: 'create-order', connections, delayMs }),
    true,
  );
  const to = new Date();
  await waitForEmptyOutbox(client);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const after = await scrape(workerService.url);
  const fromMetrics =
    before && after
      ? {
          p50Ms: toMs(quantileBetween(before, after, 'event_consume_lag_seconds', 0.5)),
          p99Ms: toMs(quantileBetween(before, after, 'event_consume_lag_seconds', 0.99)),
        }
      : null;
  const fromDatabase: LagPercentiles = await consumeLagFromDatabase(client, from, to);
  return { targetRate, achievedRate: paced.requestsPerSecond, delayMs, fromMetrics, fromDatabase };
}

function toMs(seconds: number | null): number | null {
  return seconds === null ? null : seconds * 1000;
}

console.log('');
printTable(results);
const tracingCost = 1 - getRow.requestsPerSecond / plainRow.requestsPerSecond;
const lag = outboxLatency.fromMetrics ?? outboxLatency.fromDatabase;
console.log('');
console.log(
  `outbox commit → consumer start at ${outboxLatency.achievedRate.toFixed(0)} orders/s: ` +
    `p50 ${lag.p50Ms?.toFixed(1)} ms, p99 ${lag.p99Ms?.toFixed(1)} ms ` +
    `(${outboxLatency.fromMetrics ? 'event_consume_lag_seconds' : 'database: processed_at − created_at'})`,
);
for (const { scenario, concurrency, backlog } of results) {
  if (backlog) {
    console.log(
      `backlog during ${scenario} c=${concurrency}: max ${backlog.max}, end ${backlog.end}`,
    );
  }
}
const observability = {
  tracingPreload: existsSync(instrumentation.api) ? instrumentation.api : null,
  metricsSwitch: instrumentation.metricsSwitch ?? null,
};
console.log(
  `observability cost on GET by id: ${(tracingCost * 100).toFixed(1)}% of throughput ` +
    `(tracing preload: ${observability.tracingPreload ? 'yes' : 'missing'}, ` +
    `metrics switch: ${observability.metricsSwitch ?? 'none, metrics stayed on'})`,
);
const file = writeResults({
  startedAt,
  seconds,
  machine: { cpus: cpus().length, loadAverageAtStart: machineLoad, node: process.version },
  settings: { databasePoolSize, orderConcurrencies, readConnections },
  observability,
  results,
  outboxLatency,
  observabilityCost: tracingCost,
});
console.log(`\nresults: ${file}`);
