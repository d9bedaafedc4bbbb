import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sampleCpu } from './lib/cpu.js';
import {
  pipelineCounts,
  readHotUpdates,
  readStatementsPerOrder,
  resetStatementStats,
  sampleBacklog,
  waitForPipeline,
} from './lib/database.js';
import { runPgbench, withNotifyTrigger } from './lib/pgbench.js';
import { startApi, startBareServer, startWorker, type Service } from './lib/processes.js';
import { quantileBetween, scrape } from './lib/prometheus.js';
import { printTable, writeResults, type ScenarioResult } from './lib/report.js';
import { clearRedis, prepareRun, redisServerPid, resetOrders } from './lib/setup.js';
import { databasePoolSize, databaseUrl, runSeconds } from './lib/settings.js';
import { startWebhookSink } from './lib/sink.js';
import { runWrk, type LoadResult, type WrkRun } from './lib/wrk.js';

const seconds = runSeconds();
const orderConcurrencies = [4, 8, 16];
const readConnections = 64;
const startedAt = new Date();
const machineLoad = loadavg();
const database = new URL(databaseUrl).pathname.slice(1);
const results: ScenarioResult[] = [];

const { tokensFile } = await prepareRun();
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const redisPid = await redisServerPid();

/**
 * Runs one load and records it with the CPU of `pids`, Redis and the bench database's backends;
 * with `backlogSlack`, also the orders in flight each second (flat within that many).
 */
async function measure(
  scenario: string,
  concurrency: number,
  pids: Record<string, number>,
  load: () => Promise<LoadResult>,
  backlogSlack?: number,
): Promise<ScenarioResult> {
  const cpu = sampleCpu({ ...pids, ...(redisPid ? { redis: redisPid } : {}) }, database);
  const backlog = backlogSlack === undefined ? undefined : sampleBacklog(client, backlogSlack);
  const loadResult = await load();
  const usage = cpu.stop();
  const result: ScenarioResult = { scenario, concurrency, ...loadResult, cpu: usage.percent };
  if (usage.maxRssBytes.api) result.apiRssMb = usage.maxRssBytes.api / 2 ** 20;
  if (backlog) result.backlog = await backlog.stop();
  results.push(result);
  console.log(
    `${scenario} c=${concurrency}: ${loadResult.requestsPerSecond.toFixed(0)}/s, ` +
      `p99 ${loadResult.p99Ms.toFixed(1)} ms, ${loadResult.errors} errors`,
  );
  return result;
}

const wrk = (url: string, options: Omit<WrkRun, 'url' | 'seconds' | 'tokensFile'>) => () =>
  runWrk({ url, seconds, tokensFile, ...options });
/** How far a steady backlog at `rate` orders/s may wobble: 300 ms of orders, at least 10. */
const backlogSlack = (rate: number) => Math.max(10, rate * 0.3);
const best = (rows: ScenarioResult[]) =>
  rows.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
const versus = (row: ScenarioResult, limit: ScenarioResult, name: string) => {
  row.vsLimit = { limit: name, ratio: row.requestsPerSecond / limit.requestsPerSecond };
  return row;
};

// 1. Limits, with no app process touching the database.
const classicRows: ScenarioResult[] = [];
// 32 as well: the API's best point is often there, and its p99 is compared at the same clients.
for (const clients of [...orderConcurrencies, 32]) {
  classicRows.push(
    await measure('pgbench classic create-order (reference)', clients, {}, () =>
      runPgbench({ clients, seconds, mode: 'prepared', script: 'classic' }),
    ),
  );
}
const reference = best(classicRows);
await withNotifyTrigger(databaseUrl, () =>
  measure('pgbench classic, with the old NOTIFY trigger', reference.concurrency, {}, () =>
    runPgbench({ clients: reference.concurrency, seconds, mode: 'prepared', script: 'classic' }),
  ),
);
const statementRows: ScenarioResult[] = [];
for (const clients of orderConcurrencies) {
  statementRows.push(
    await measure('pgbench create_order() statement (ceiling)', clients, {}, () =>
      runPgbench({ clients, seconds, mode: 'prepared', script: 'statement' }),
    ),
  );
}
const ceiling = best(statementRows);
await resetOrders();

const bare = await startBareServer();
const bareRow = await measure(
  'GET product by id (bare route)',
  readConnections,
  { bare: bare.pid },
  wrk(bare.url, { script: 'get-product', connections: readConnections }),
);
await bare.stop();

// 2. POST /orders with the worker paused: the API against the reference; then the drain.
let api = await startApi({ observability: { tracing: true, metrics: true } });
await runWrk({ url: api.url, seconds: 2, tokensFile, script: 'get-product', connections: 8 });
const pausedRows: ScenarioResult[] = [];
for (const connections of [...orderConcurrencies, 32]) {
  const row = await measure(
    'POST /orders, worker paused',
    connections,
    { api: api.pid },
    wrk(api.url, { script: 'create-order', connections }),
  );
  pausedRows.push(versus(row, reference, 'classic pgbench'));
}
const paused = best(pausedRows);
const pgbenchAtPausedPoint =
  classicRows.find((row) => row.concurrency === paused.concurrency) ?? reference;
const backlogToDrain = (await pipelineCounts(client)).pending;
const sink = await startWebhookSink();
let worker = await startWorker({
  observability: { tracing: true, metrics: true },
  env: { WEBHOOK_URL: sink.url, WEBHOOK_SECRET: sink.secret },
});
const drainStarted = Date.now();
await waitForPipeline(client, 600_000);
const drain = {
  orders: backlogToDrain,
  seconds: (Date.now() - drainStarted) / 1000,
  ordersPerSecond: backlogToDrain / ((Date.now() - drainStarted) / 1000),
};
console.log(
  `drained ${drain.orders} orders in ${drain.seconds.toFixed(1)} s (${drain.ordersPerSecond.toFixed(0)}/s)`,
);
await resetOrders();
sink.reset();

// 3. The whole pipeline: every order confirmed and its webhooks delivered, backlog flat.
const pids = () => ({ api: api.pid, worker: worker.pid });
const flatOut = await measure(
  'pipeline, unpaced',
  paused.concurrency,
  pids(),
  wrk(api.url, { script: 'create-order', connections: paused.concurrency }),
  backlogSlack(paused.requestsPerSecond),
);
const outrun = await pipelineCounts(client);
// What the worker finished during the run bounds the sustainable rate when a backlog built up.
const completedPerSecond = (outrun.orders - outrun.pending) / seconds;
const sustainable = Math.max(1, Math.min(flatOut.requestsPerSecond, completedPerSecond));
await waitForPipeline(client, 600_000);
await resetOrders();
sink.reset();
// The estimate is an upper bound: step down until the backlog holds flat for a whole run.
const paceTries = 4;
let pace = sustainable * 0.95;
let pipeline = await measurePipeline(worker, pace);
for (let tries = 1; !pipeline.row.backlog?.flat && tries < paceTries; tries++) {
  pace *= 0.85;
  await resetOrders();
  sink.reset();
  pipeline = await measurePipeline(worker, pace);
}
versus(pipeline.row, reference, 'classic pgbench');

// 3b. The same rate with the workflow asking a payment endpoint (a local stub answering 204).
await worker.stop();
const paymentStub = await startWebhookSink();
const paidWorker = await startWorker({
  observability: { tracing: true, metrics: true },
  env: {
    WEBHOOK_URL: sink.url,
    WEBHOOK_SECRET: sink.secret,
    PAYMENT_URL: paymentStub.url,
    PAYMENT_SECRET: paymentStub.secret,
  },
});
await resetOrders();
sink.reset();
const paidPipeline = await measurePipeline(
  paidWorker,
  pace,
  'pipeline with a payment stub, same pace',
);
versus(paidPipeline.row, reference, 'classic pgbench');
await paidWorker.stop();
await paymentStub.close();
worker = await startWorker({
  observability: { tracing: true, metrics: true },
  env: { WEBHOOK_URL: sink.url, WEBHOOK_SECRET: sink.secret },
});

// 4. Outbox commit → consumer start at half that rate.
await resetOrders();
const lag = await measureLag(worker, pipeline.row.requestsPerSecond / 2);

// 5. Reads and the cost of observability.
const getRow = versus(
  await measure(
    'GET /products/:id',
    readConnections,
    pids(),
    wrk(api.url, { script: 'get-product', connections: readConnections }),
  ),
  bareRow,
  'bare route',
);
await measure(
  'mix 80/15/5',
  32,
  pids(),
  wrk(api.url, { script: 'mix', connections: 32 }),
  backlogSlack(pipeline.row.requestsPerSecond),
);
await waitForPipeline(client, 600_000);
await api.stop();
api = await startApi({ observability: { tracing: false, metrics: false } });
await runWrk({ url: api.url, seconds: 2, tokensFile, script: 'get-product', connections: 8 });
const plainRow = versus(
  await measure(
    'GET /products/:id, observability off',
    readConnections,
    pids(),
    wrk(api.url, { script: 'get-product', connections: readConnections }),
  ),
  bareRow,
  'bare route',
);

await api.stop();
await worker.stop();
await sink.close();
await client.end();
await clearRedis();

/**
 * Orders paced at `rate` for the run with the worker and a webhook sink: afterwards every order
 * must be confirmed exactly once and every event delivered; CPU and statements per order come
 * from the same run.
 */
async function measurePipeline(
  workerService: Service,
  rate: number,
  scenario = 'pipeline, paced at its sustainable rate',
) {
  const connections = paused.concurrency;
  const delayMs = Math.max(1, Math.round((connections * 1000) / rate - paused.p50Ms));
  const hotBefore = await readHotUpdates(client);
  const statementsReset = await resetStatementStats(client);
  const row = await measure(
    scenario,
    connections,
    { api: api.pid, worker: workerService.pid },
    wrk(api.url, { script: 'create-order', connections, delayMs }),
    backlogSlack(rate),
  );
  const settleStarted = Date.now();
  const counts = await waitForPipeline(client, 600_000);
  const settleSeconds = (Date.now() - settleStarted) / 1000;
  await sink.waitFor(2 * counts.orders, 60_000);
  const orders = counts.orders;
  const cpuMsPerOrder = Object.fromEntries(
    Object.entries(row.cpu).map(([group, percent]) => [
      group,
      ((percent / 100) * seconds * 1000) / Math.max(1, orders),
    ]),
  );
  const statements = statementsReset ? await readStatementsPerOrder(client, orders) : null;
  const hot = await readHotUpdates(client, hotBefore);
  console.log(
    `pipeline at ${row.requestsPerSecond.toFixed(0)}/s (paced at ${rate.toFixed(0)}/s): backlog ` +
      `${row.backlog?.flat ? 'flat' : 'growing'}, max ${row.backlog?.max}, end ${row.backlog?.end}; ` +
      `every order confirmed ${settleSeconds.toFixed(1)} s after the load`,
  );
  return {
    row,
    targetRate: rate,
    delayMs,
    orders,
    confirmedOnce: counts.confirmed === orders && counts.confirmedEvents === orders,
    webhooksDelivered: sink.count(),
    settleSeconds,
    cpuMsPerOrder,
    statements,
    hot,
  };
}

/** Orders paced at `rate`; lag from the outbox write to the payment job starting. */
async function measureLag(workerService: Service, rate: number) {
  // At most 20 orders/s per connection: 50 ms between requests outlasts their latency, so the
  // pace holds without a latency credit.
  const connections = Math.max(4, Math.ceil(rate / 20));
  const delayMs = Math.max(1, Math.round((connections * 1000) / rate));
  const before = await scrape(workerService.metricsUrl);
  const row = await measure(
    'pipeline, paced at half the sustainable rate',
    connections,
    pids(),
    wrk(api.url, { script: 'create-order', connections, delayMs }),
    backlogSlack(rate),
  );
  await waitForPipeline(client, 600_000);
  const after = await scrape(workerService.metricsUrl);
  const label = 'job_type="authorize-payment"';
  const quantile = (q: number) => {
    if (!before || !after) return null;
    const seconds = quantileBetween(before, after, 'event_consume_lag_seconds', q, label);
    return seconds === null ? null : seconds * 1000;
  };
  return { rate: row.requestsPerSecond, p50Ms: quantile(0.5), p99Ms: quantile(0.99) };
}

console.log('');
printTable(results);
const observabilityCost = 1 - getRow.requestsPerSecond / plainRow.requestsPerSecond;
const summary = {
  reference: {
    tps: reference.requestsPerSecond,
    p99Ms: reference.p99Ms,
    clients: reference.concurrency,
  },
  ceiling: { tps: ceiling.requestsPerSecond, clients: ceiling.concurrency },
  paused: {
    ordersPerSecond: paused.requestsPerSecond,
    connections: paused.concurrency,
    vsReference: paused.requestsPerSecond / reference.requestsPerSecond,
    vsCeiling: paused.requestsPerSecond / ceiling.requestsPerSecond,
    p99Ms: paused.p99Ms,
    pgbenchP99MsAtSameClients: pgbenchAtPausedPoint.p99Ms,
    errors: paused.errors,
  },
  drain,
  pipeline: {
    ordersPerSecond: pipeline.row.requestsPerSecond,
    vsReference: pipeline.row.requestsPerSecond / reference.requestsPerSecond,
    estimatedSustainable: sustainable,
    pacedAt: pace,
    backlog: pipeline.row.backlog,
    confirmedOnce: pipeline.confirmedOnce,
    webhooksDelivered: pipeline.webhooksDelivered,
    orders: pipeline.orders,
    cpuMsPerOrder: pipeline.cpuMsPerOrder,
    statementsPerOrder: pipeline.statements,
    hotUpdates: pipeline.hot,
  },
  pipelineWithPaymentStub: {
    ordersPerSecond: paidPipeline.row.requestsPerSecond,
    vsPipeline: paidPipeline.row.requestsPerSecond / pipeline.row.requestsPerSecond,
    backlog: paidPipeline.row.backlog,
    confirmedOnce: paidPipeline.confirmedOnce,
    cpuMsPerOrder: paidPipeline.cpuMsPerOrder,
  },
  lag,
  getById: { vsBare: getRow.vsLimit?.ratio, observabilityCost },
  apiRssMb: Math.max(...results.map((row) => row.apiRssMb ?? 0)),
};
console.log('');
console.log(JSON.stringify(summary, null, 2));
const file = writeResults({
  startedAt,
  seconds,
  machine: { cpus: cpus().length, loadAverageAtStart: machineLoad, node: process.version },
  settings: { databasePoolSize, orderConcurrencies, readConnections },
  summary,
  results,
});
console.log(`\nresults: ${file}`);
