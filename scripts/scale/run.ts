/**
 * npm run test:scale — 2 API and 2 worker processes from dist/ behind HAProxy, an order load
 * through the balancer, and a rolling restart (one API, then one worker) in the middle of it.
 * Asserts no failed request, conserved stock, every order confirmed exactly once, every event
 * delivered, the retention pass never in two workers at once; prints the figures. Exit 1 on
 * any failure. Before that, one API runs through PgBouncer in session mode.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createFixtures, driveOrders } from './api-client.js';
import { buildIfStale, ensureTools } from './prepare.js';
import { startBalancer, type StatRow } from './haproxy.js';
import {
  judgeData,
  overlappingPasses,
  readPipeline,
  retentionPasses,
  settled,
  type Verdict,
} from './checks.js';
import { postgresBackends, sampleUsage } from './cpu.js';
import { clearRedisPrefix, dropDatabase, migrateFromDist, recreateDatabase } from './database.js';
import { checkPgbouncer } from './pgbouncer.js';
import { freePort, killAll } from './processes.js';
import { serviceEnv, startService, type Service } from './services.js';
import {
  databaseName,
  pgbouncerDatabaseName,
  poolSize,
  redisUrl,
  replicas,
  repoRoot,
  timeline,
  webhookSecret,
  workerExtraConnections,
} from './settings.js';
import { startSink } from './sink.js';

const verdicts: Verdict[] = [];
const verdict = (name: string, ok: boolean, detail: string) => verdicts.push({ name, ok, detail });
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function step<T>(what: string, work: () => Promise<T> | T): Promise<T> {
  const started = Date.now();
  const result = await work();
  console.log(`${what} (${seconds(Date.now() - started)})`);
  return result;
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The worker gauge of the oldest unpublished outbox row, or undefined while it does not answer. */
async function oldestUnpublishedSeconds(worker: Service): Promise<number | undefined> {
  try {
    const response = await fetch(`http://127.0.0.1:${worker.port}/metrics`, {
      signal: AbortSignal.timeout(1_000),
    });
    const match = /^outbox_oldest_unpublished_age_seconds(?:\{[^}]*\})? (\S+)$/m.exec(
      await response.text(),
    );
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`).join('\n');
}

async function main(): Promise<void> {
  const runDir = mkdtempSync(join(tmpdir(), 'orders-scale-'));
  console.log(`test:scale: logs in ${runDir}`);
  await step('tools: haproxy, pgbouncer', () => ensureTools(['haproxy', 'pgbouncer']));
  await step('dist/ up to date', buildIfStale);

  const bouncer = await step('PgBouncer (session mode): migrate and serve orders', () =>
    checkPgbouncer(runDir),
  );
  verdict(
    'API behind PgBouncer (session mode)',
    bouncer.failures === 0 && bouncer.orders > 0 && bouncer.pooledTransactions >= bouncer.orders,
    `${bouncer.orders} orders, ${bouncer.failures} failed; PgBouncer counted ${bouncer.pooledTransactions} transactions; statement_timeout ${bouncer.statementTimeout}`,
  );

  const databaseUrl = await step(
    'database created and migrated (dist/db/migrate-cli.js)',
    async () => {
      const url = await recreateDatabase(databaseName);
      await migrateFromDist(url, join(runDir, 'migrate.log'));
      await clearRedisPrefix();
      return url;
    },
  );

  const sink = await startSink(webhookSecret);
  const env = serviceEnv(databaseUrl, sink.url);
  const envOf = (service: { role: 'api' | 'worker' }) => ({
    ...env,
    DATABASE_POOL_SIZE: String(poolSize[service.role]),
  });
  const start = (service: Parameters<typeof startService>[0]) =>
    startService(service, envOf(service), runDir);
  const services = await step(
    `started ${replicas.api} API and ${replicas.worker} worker processes`,
    async () =>
      Promise.all([
        ...Array.from({ length: replicas.api }, async (_, index) =>
          start({ name: `api-${index + 1}`, role: 'api', port: await freePort() }),
        ),
        ...Array.from({ length: replicas.worker }, async (_, index) =>
          start({ name: `worker-${index + 1}`, role: 'worker', port: await freePort() }),
        ),
      ]),
  );
  const byName = new Map(services.map((service) => [service.name, service]));
  const apis = () => [...byName.values()].filter((service) => service.role === 'api');
  const workers = () => [...byName.values()].filter((service) => service.role === 'worker');

  const balancer = await step('HAProxy up, every API healthy', async () =>
    startBalancer(
      runDir,
      await freePort(),
      apis().map((api) => ({ name: api.name, port: api.port })),
    ),
  );
  const fixtures = await step('products and users created through the balancer', () =>
    createFixtures(balancer.url),
  );

  // Samplers: CPU and RSS per process, database connections, the outbox's oldest unpublished row.
  const redis = new Redis(redisUrl);
  const redisPid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]);
  redis.disconnect();
  const groups = () => ({
    ...Object.fromEntries([...byName].map(([name, service]) => [name, [service.child.pid]])),
    haproxy: [balancer.child.pid],
    postgres: postgresBackends(databaseName),
    'redis (shared)': [redisPid],
    'load generator + sink': [process.pid],
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let maxConnections = 0;
  let maxOutboxLagSeconds = 0;
  const sampling = new AbortController();
  const samplers = Promise.all([
    (async () => {
      while (!sampling.signal.aborted) {
        const { rows } = await db.query<{ count: string }>(
          'SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
          [databaseName],
        );
        maxConnections = Math.max(maxConnections, Number(rows[0]?.count));
        await sleep(200);
      }
    })(),
    (async () => {
      while (!sampling.signal.aborted) {
        const ages = await Promise.all(workers().map(oldestUnpublishedSeconds));
        for (const age of ages) maxOutboxLagSeconds = Math.max(maxOutboxLagSeconds, age ?? 0);
        await sleep(250);
      }
    })(),
  ]);
  // What the processes burn with no orders (health checks, polling, the samplers above), to
  // subtract from the load's CPU.
  const idle = await step('idle baseline measured', async () => {
    const sampler = sampleUsage(groups);
    await sleep(timeline.idleBaselineMs);
    return sampler.stop();
  });
  const usage = sampleUsage(groups);

  // The load, and the rolling restart in the middle of it.
  const stopLoad = new AbortController();
  const loadRun = driveOrders(balancer.url, fixtures, stopLoad.signal);
  const restart = async (name: string) => {
    const service = byName.get(name);
    if (!service) throw new Error(`no process ${name}`);
    const stopping = Date.now();
    const code = await service.child.stop('SIGTERM');
    const stoppedMs = Date.now() - stopping;
    verdict(
      `${name} exits cleanly on SIGTERM`,
      code === 0,
      `exit code ${code} after ${seconds(stoppedMs)}`,
    );
    const next = await start(service);
    byName.set(name, next);
    if (next.role === 'api') await balancer.waitForServer(name, 'UP');
    return { stoppedMs, backMs: Date.now() - stopping };
  };
  await sleep(timeline.warmUpMs);
  const apiRestart = await step(
    'rolling restart: api-1 stopped, started, back in the balancer',
    () => restart('api-1'),
  );
  await sleep(timeline.betweenRestartsMs);
  const workerRestart = await step('rolling restart: worker-1 stopped and started', () =>
    restart('worker-1'),
  );
  await sleep(timeline.coolDownMs);
  stopLoad.abort();
  const load = await loadRun;
  console.log(
    `load: ${load.requests} requests in ${seconds(load.endedAt - load.startedAt)}, ${load.failures.length} failed`,
  );

  const settleStarted = Date.now();
  const state = await step('pipeline settled (every order confirmed and delivered)', async () => {
    for (;;) {
      const current = await readPipeline(db);
      if (settled(load.placed, current, sink.deliveries)) return current;
      if (Date.now() - settleStarted > timeline.settleTimeoutMs) return current;
      await sleep(500);
    }
  });
  const settleMs = Date.now() - settleStarted;
  sampling.abort();
  await samplers;
  const processes = usage.stop();
  const balancerStats = await balancer.stats();
  await db.end();

  // Verdicts.
  const statOf = (svname: string): StatRow =>
    balancerStats.find((row) => row.pxname === 'api' && row.svname === svname) ?? {};
  const frontend = statOf('FRONTEND');
  const backend = statOf('BACKEND');
  const balancer5xx = Number(frontend.hrsp_5xx ?? 0);
  verdict(
    'no failed request at the balancer',
    load.failures.length === 0 && balancer5xx === 0,
    `${load.failures.length} failed of ${load.requests} at the client; ${balancer5xx} 5xx answered by HAProxy${
      load.failures.length > 0 ? `; first: ${JSON.stringify(load.failures.slice(0, 3))}` : ''
    }`,
  );
  const data = judgeData(fixtures.products, load.placed, state, sink.deliveries);
  verdicts.push(...data.verdicts);
  verdict('webhook signatures verify', sink.rejected() === 0, `${sink.rejected()} rejected`);

  const budget =
    replicas.api * poolSize.api + replicas.worker * (poolSize.worker + workerExtraConnections);
  verdict(
    'connections within the budget',
    maxConnections <= budget,
    `at most ${maxConnections} connections to the database; budget ${replicas.api} × ${poolSize.api} + ${replicas.worker} × (${poolSize.worker} + ${workerExtraConnections}) = ${budget}`,
  );

  const workerLogs = workers().flatMap((worker) => worker.logs);
  const passes = workerLogs.flatMap((file) => retentionPasses(file, readFileSync(file, 'utf8')));
  const restartedWorkerLog = byName.get('worker-1')?.logs.at(-1) ?? '';
  const jobsAfterRestart =
    readFileSync(restartedWorkerLog, 'utf8').split('"msg":"job processed"').length - 1;
  verdict(
    'worker-1 works again after its restart',
    jobsAfterRestart > 0,
    `${jobsAfterRestart} jobs processed by the new process`,
  );

  // Checked wherever the build logs retention passes (the worker takes a lock for them).
  const builtWorker =
    spawnSync('grep', ['-rqF', 'retention pass started', 'dist/'], { cwd: repoRoot }).status === 0;
  if (builtWorker || passes.length > 0) {
    const overlaps = overlappingPasses(passes);
    verdict(
      'retention pass never twice at once',
      passes.length > 0 && overlaps === 0,
      `${passes.length} passes logged by ${workerLogs.length} worker starts, ${overlaps} overlapping`,
    );
  } else {
    console.warn(
      "WARN retention: this build logs no 'retention pass started' lines, so overlap is not checked",
    );
  }

  // Stop everything: every process must exit cleanly on SIGTERM.
  const exitCodes = await Promise.all(
    [...byName.values()].map(
      async (service) => [service.name, await service.child.stop()] as const,
    ),
  );
  const unclean = exitCodes.filter(([, code]) => code !== 0);
  verdict(
    'all processes exit cleanly at the end',
    unclean.length === 0,
    unclean.length ? JSON.stringify(unclean) : `${exitCodes.length} exited 0`,
  );
  await balancer.child.stop();
  await sink.close();

  const created = sink.deliveries.filter((delivery) => delivery.type === 'order.created');
  const webhookLag = created.map((delivery) => delivery.receivedAt - delivery.occurredAt);
  const loadSeconds = (load.endedAt - load.startedAt) / 1000;
  console.log('\nscale run');
  console.log(
    table([
      ['processes', `${replicas.api} API + ${replicas.worker} worker, HAProxy, pools ${poolSize.api}/${poolSize.worker}`],
      ['requests', `${load.requests} POST /orders in ${loadSeconds.toFixed(1)} s (${(load.requests / loadSeconds).toFixed(0)}/s, ${load.placed.length} placed)`],
      ['latency at the client', `p50 ${quantile(load.latenciesMs, 0.5).toFixed(1)} ms, p99 ${quantile(load.latenciesMs, 0.99).toFixed(1)} ms, max ${Math.max(0, ...load.latenciesMs).toFixed(0)} ms`],
      ['failures', `${load.failures.length} at the client, ${balancer5xx} 5xx at HAProxy`],
      ['balancer retries', `${backend.wretr ?? '?'} retried, ${backend.wredis ?? '?'} redispatched, ${backend.econ ?? '?'} connection errors`],
      ['duplicates', `${data.duplicates} (orders or events); ${data.redelivered} webhook redeliveries of one event id (at-least-once)`],
      ['max outbox lag', `${maxOutboxLagSeconds.toFixed(2)} s (oldest unpublished row, sampled 4/s)`],
      ['event → webhook', `p50 ${quantile(webhookLag, 0.5)} ms, p99 ${quantile(webhookLag, 0.99)} ms, max ${Math.max(0, ...webhookLag)} ms`],
      ['drained after load', seconds(settleMs)],
      ['api-1 restart', `stopped in ${seconds(apiRestart.stoppedMs)}, serving again after ${seconds(apiRestart.backMs)}`],
      ['worker-1 restart', `stopped in ${seconds(workerRestart.stoppedMs)}, ready again after ${seconds(workerRestart.backMs)}`],
      ['database connections', `max ${maxConnections} (budget ${budget})`],
      ['retention passes', `${passes.length} logged`],
    ]),
  ); // prettier-ignore
  // CPU per order over load and drain, less the idle baseline's rate: what one core of each
  // kind of process serves, the basis of the replica formula in docs/scaling.md.
  const windowSeconds = Object.values(processes)[0]?.seconds ?? 0;
  const cpuMsPerOrder = (prefix: string) => {
    const names = Object.keys(processes).filter((name) => name.startsWith(prefix));
    const busy = names.reduce((sum, name) => sum + (processes[name]?.cpuSeconds ?? 0), 0);
    const idleRate = names.reduce((sum, name) => sum + (idle[name]?.cpuPercent ?? 0) / 100, 0);
    return (Math.max(0, busy - idleRate * windowSeconds) * 1000) / Math.max(1, load.placed.length);
  };
  console.log(
    '\nCPU per order placed, idle baseline subtracted, and orders/s one core of it would serve',
  );
  console.log(
    table(
      ['api', 'worker', 'postgres'].map((role) => {
        const ms = cpuMsPerOrder(role);
        // On a machine busy with other work the idle rate can swamp the orders' share.
        if (ms < 0.05) return [role, 'not measurable: idle work as large as the load'];
        return [
          role,
          `${ms.toFixed(2).padStart(6)} ms  ≈ ${(1000 / ms).toFixed(0)} orders/s per core`,
        ];
      }),
    ),
  );
  console.log('\nper process (CPU: % of one core over load and drain; RSS: peak)');
  console.log(
    table(
      Object.entries(processes).map(([name, { cpuPercent, maxRssMb }]) => [
        name,
        `${cpuPercent.toFixed(0).padStart(4)} % CPU  ${maxRssMb.toFixed(0).padStart(5)} MB RSS`,
      ]),
    ),
  );

  console.log('\nchecks');
  for (const { name, ok, detail } of verdicts) {
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}: ${detail}`);
  }
  const failed = verdicts.filter((item) => !item.ok).length;
  if (failed === 0) {
    await dropDatabase(databaseName);
    await dropDatabase(pgbouncerDatabaseName);
    await clearRedisPrefix();
  } else {
    console.log(`\nkept for inspection: database ${databaseName}, logs in ${runDir}`);
  }
  console.log(`\ntest:scale: ${verdicts.length - failed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

const deadline = setTimeout(() => {
  console.error(`test:scale: not done within ${seconds(timeline.deadlineMs)}; stopping`);
  void killAll().finally(() => process.exit(1));
}, timeline.deadlineMs);

try {
  await main();
} catch (error) {
  console.error('test:scale failed:', error);
  process.exitCode = 1;
} finally {
  clearTimeout(deadline);
  await killAll();
  // Loops of a run that failed half-way (load, samplers) would keep the process alive.
  process.exit();
}
