/**
 * npm run test:chaos — the service from dist/ (2 APIs behind HAProxy, 1 worker) on its own
 * Postgres cluster and its own redis-server, an order load, and one fault after another. After
 * each fault every order a client was told about must be confirmed or final, every event applied
 * once by its consumers (the inbox is empty) and seen by the webhook receiver, the stock must add
 * up, and nothing may answer 500. Prints a table; exits 1 on any loss or failed check.
 *
 * Recovery time is from the end of the fault until everything owed is there; the load runs a
 * little past the fault, so the baseline row shows the floor.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { jobIdFor, queuePrefix } from '../../src/queues.js';
import {
  createFixtures,
  driveOrders,
  type LoadShape,
  type PlacedOrder,
} from '../scale/api-client.js';
import { startBalancer, type StatRow } from '../scale/haproxy.js';
import { migrateFromDist } from '../scale/database.js';
import { buildIfStale, ensureTools } from '../scale/prepare.js';
import { freePort, killAll } from '../scale/processes.js';
import { serviceEnv, startService, type Service } from '../scale/services.js';
import { webhookSecret } from '../scale/settings.js';
import { startSink } from '../scale/sink.js';
import { judge, type Judgement } from './judge.js';
import {
  startPartitionableLink,
  startPostgres,
  startRedis,
  type OwnPostgres,
  type OwnRedis,
} from './servers.js';
import {
  burst,
  fixtures as counts,
  load,
  serviceSettings,
  redisKeyPrefix,
  timeline,
} from './settings.js';

interface Row {
  scenario: string;
  requests: number;
  retried: number;
  failed: number;
  errors500: number;
  lost: number;
  duplicated: number;
  recoveryMs: number | undefined;
  ok: boolean;
  notes: string[];
}

/** What a fault reports: when it ended (recovery is timed from there) and what it saw. */
interface FaultEnd {
  at: number;
  notes?: string[];
  /** Checks of the fault itself (e.g. that it hit its window); all must hold. */
  checks?: { ok: boolean; detail: string }[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let postgres: OwnPostgres | undefined;
let redisServer: OwnRedis | undefined;

async function main(): Promise<number> {
  const runStarted = Date.now();
  const runDir = mkdtempSync(join(tmpdir(), 'orders-chaos-'));
  console.log(`test:chaos: logs in ${runDir}`);
  const step = (what: string) => console.log(`${what} (${seconds(Date.now() - runStarted)})`);
  ensureTools(['haproxy']);
  buildIfStale();
  step('dist/ up to date');

  postgres = await startPostgres(runDir);
  const admin = new pg.Client({ connectionString: postgres.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE orders');
  await admin.end();
  const databaseUrl = postgres.url('orders');
  await migrateFromDist(databaseUrl, join(runDir, 'migrate.log'));
  const redis = (redisServer = await startRedis(runDir));
  step(`own Postgres on port ${postgres.port} migrated, own Redis at ${redis.url}`);

  const sink = await startSink(webhookSecret);
  const env = {
    ...serviceEnv(databaseUrl, sink.url),
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    ...serviceSettings,
  };
  // The worker reaches Redis through a link the relay scenario can cut.
  const link = await startPartitionableLink(redis.port);
  const start = (service: Parameters<typeof startService>[0]) =>
    startService(
      service,
      service.role === 'worker' ? { ...env, REDIS_URL: link.url } : env,
      runDir,
    );
  const byName = new Map<string, Service>();
  for (const service of await Promise.all([
    start({ name: 'api-1', role: 'api', port: await freePort() }),
    start({ name: 'api-2', role: 'api', port: await freePort() }),
    start({ name: 'worker', role: 'worker', port: await freePort() }),
  ])) {
    byName.set(service.name, service);
  }
  const service = (name: string) => {
    const found = byName.get(name);
    if (!found) throw new Error(`no process ${name}`);
    return found;
  };
  const restart = async (name: string) => {
    byName.set(name, await start(service(name)));
  };
  const balancer = await startBalancer(
    runDir,
    await freePort(),
    ['api-1', 'api-2'].map((name) => ({ name, port: service(name).port })),
  );
  const fixtures = await createFixtures(balancer.url, counts);
  const db = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // Postgres restarts under it; the pool reconnects on the next query.
  db.on('error', () => {});
  const queueRedis = new Redis(redis.url, { maxRetriesPerRequest: null });
  queueRedis.on('error', () => {});
  step('2 APIs and a worker started from dist/, behind HAProxy');

  /** Events not applied yet (inbox rows), by whether their job is in Redis. */
  const prefix = queuePrefix({ REDIS_KEY_PREFIX: redisKeyPrefix });
  const unappliedJobs = async () => {
    const { rows: unapplied } = await db.query<{ consumer: string; event_id: string }>(
      'SELECT consumer, event_id FROM inbox WHERE failed_at IS NULL',
    );
    const inQueue = await Promise.all(
      unapplied.map(({ consumer, event_id }) =>
        queueRedis.exists(`${prefix}:${consumer}:${jobIdFor(event_id)}`),
      ),
    );
    const queued = inQueue.filter((exists) => exists === 1).length;
    return { queued, missing: unapplied.length - queued };
  };

  const placed: PlacedOrder[] = [];
  const rows: Row[] = [];
  const resentLine = 'job was missing; sent again';
  const workerLogLines = (text: string) =>
    service('worker')
      .logs.map((file) => readFileSync(file, 'utf8').split(text).length - 1)
      .reduce((sum, count) => sum + count, 0);

  const scenario = async (
    name: string,
    fault: () => Promise<FaultEnd>,
    shape: Partial<LoadShape> = load,
  ) => {
    const resentBefore = workerLogLines(resentLine);
    const stop = new AbortController();
    const loadRun = driveOrders(balancer.url, fixtures, stop.signal, shape);
    await sleep(timeline.beforeFaultMs);
    const end = await fault();
    await sleep(timeline.afterFaultMs);
    stop.abort();
    const result = await loadRun;
    placed.push(...result.placed);

    let judgement: Judgement | undefined;
    let recoveryMs: number | undefined;
    for (;;) {
      judgement = await judge(db, fixtures.products, placed, sink.deliveries).catch(
        () => judgement,
      );
      const clean =
        judgement && judgement.lost + judgement.duplicated + judgement.stockErrors === 0;
      if (clean) {
        recoveryMs = Date.now() - end.at;
        break;
      }
      if (Date.now() - end.at > timeline.recoveryBoundMs) break;
      await sleep(200);
    }
    const resent = workerLogLines(resentLine) - resentBefore;
    const errors500 = result.failures.filter((failure) => failure.status === 500).length;
    const checks = end.checks ?? [];
    const row: Row = {
      scenario: name,
      requests: result.requests,
      retried: result.retried,
      failed: result.failures.length,
      errors500,
      lost: judgement?.lost ?? Number.NaN,
      duplicated: judgement?.duplicated ?? Number.NaN,
      recoveryMs,
      ok:
        recoveryMs !== undefined &&
        result.failures.length === 0 &&
        judgement?.stockErrors === 0 &&
        checks.every((check) => check.ok),
      notes: [
        ...(end.notes ?? []),
        ...(resent > 0 ? [`${resent} jobs missing from Redis re-sent by the reconciler`] : []),
        ...checks.map((check) => `${check.ok ? '' : 'FAILED: '}${check.detail}`),
        ...(judgement?.problems ?? ['the database could not be read']),
        ...(recoveryMs === undefined ? [`not recovered within ${seconds(timeline.recoveryBoundMs)}`] : []),
        ...(result.failures.length > 0 ? [`first failures: ${JSON.stringify(result.failures.slice(0, 3))}`] : []),
      ],
    }; // prettier-ignore
    rows.push(row);
    console.log(
      `${row.ok ? 'ok  ' : 'FAIL'} ${name}: ${row.requests} orders, ${row.failed} failed, ${row.lost} lost, recovered ${row.recoveryMs === undefined ? 'never' : `in ${seconds(row.recoveryMs)}`}`,
    );
    for (const note of row.notes) console.log(`       ${note}`);
  };

  await scenario('no fault (baseline)', async () => ({ at: Date.now() }));

  await scenario('worker kill -9, restarted', async () => {
    await service('worker').child.stop('SIGKILL');
    await restart('worker');
    return { at: Date.now() };
  });

  await scenario('relay killed between publish and enqueue', async () => {
    // Cut off Redis, the relay still publishes (events marked, inbox rows written) and its
    // enqueue is lost on the way; killed then, those events are in no queue: the window.
    link.cut();
    const deadline = Date.now() + 8_000;
    while ((await unappliedJobs()).missing === 0 && Date.now() < deadline) await sleep(100);
    await service('worker').child.stop('SIGKILL');
    const atKill = (await unappliedJobs()).missing;
    link.heal();
    await restart('worker');
    return {
      at: Date.now(),
      checks: [
        {
          ok: atKill > 0,
          detail: `window hit: ${atKill} jobs of events marked published were in no queue at the kill`,
        },
      ],
    };
  });

  await scenario(`Redis frozen (SIGSTOP) ${seconds(timeline.redisFrozenMs)}`, async () => {
    redis.freeze();
    await sleep(timeline.redisFrozenMs);
    redis.thaw();
    return { at: Date.now() };
  });

  await scenario(
    'Redis restarted empty',
    async () => {
      const { queued } = await unappliedJobs();
      await redis.restartEmpty(timeline.redisDownMs);
      return {
        at: Date.now(),
        notes: [`${queued} events in flight (job in Redis, not applied yet) as it went`],
      };
    },
    { ...burst, retryForMs: load.retryForMs },
  );

  await scenario('Postgres restarted', async () => {
    await postgres?.restart();
    return { at: Date.now() };
  });

  await scenario(
    'API SIGTERM under a burst spanning the drain',
    async () => {
      const before = await backendStats(balancer.stats);
      const stopping = Date.now();
      const code = await service('api-1').child.stop('SIGTERM');
      const stoppedMs = Date.now() - stopping;
      // The burst goes on past the exit, into the API left (api-1 stays down for the rest).
      await sleep(1_000);
      const after = await backendStats(balancer.stats);
      const hidden = Object.fromEntries(
        Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]),
      );
      const resets = Object.values(hidden).reduce((sum, value) => sum + value, 0);
      return {
        at: Date.now(),
        checks: [
          { ok: code === 0, detail: `api-1 exited ${code} after ${seconds(stoppedMs)}` },
          {
            ok: resets === 0,
            detail: `the balancer saw ${hidden.econ} connection errors and ${hidden.eresp} response errors, retried ${hidden.wretr}, redispatched ${hidden.wredis}`,
          },
        ],
      };
    },
    burst,
  );

  await scenario('webhook receiver failing, hanging, then recovering', async () => {
    sink.setMode('failing');
    await sleep(timeline.receiverFailingMs);
    sink.setMode('hanging');
    await sleep(timeline.receiverHangingMs);
    sink.setMode('ok');
    return {
      at: Date.now(),
      notes: [`${sink.refused()} webhook requests answered 500 or left hanging`],
    };
  });

  const exitCodes = await Promise.all(
    [...byName.values()].map(async (each) => [each.name, await each.child.stop()] as const),
  );
  await balancer.child.stop();
  await link.close();
  await db.end();
  queueRedis.disconnect();
  await sink.close();

  console.log('\ntest:chaos');
  printTable(rows);
  const unclean = exitCodes.filter(([, code]) => code !== 0);
  console.log(
    `processes at the end: ${unclean.length === 0 ? `${exitCodes.length} exited 0 on SIGTERM` : `FAILED: ${JSON.stringify(unclean)}`}`,
  );
  const failed = rows.filter((row) => !row.ok).length + (unclean.length > 0 ? 1 : 0);
  console.log(
    `test:chaos: ${rows.length} scenarios, ${failed} failed, in ${seconds(Date.now() - runStarted)}`,
  );
  if (failed === 0) rmSync(runDir, { recursive: true, force: true });
  else console.log(`logs kept in ${runDir}`);
  return failed === 0 ? 0 : 1;
}

/** Counters of the API backend that show connections the balancer had to hide from clients. */
async function backendStats(stats: () => Promise<StatRow[]>): Promise<Record<string, number>> {
  const backend = (await stats()).find((row) => row.pxname === 'api' && row.svname === 'BACKEND');
  return Object.fromEntries(
    ['econ', 'eresp', 'wretr', 'wredis'].map((key) => [key, Number(backend?.[key] ?? 0)]),
  );
}

function printTable(rows: Row[]): void {
  const header = [
    'scenario',
    'requests',
    'retried',
    'failed',
    '500s',
    'lost',
    'duplicated effects',
    'recovery',
  ];
  const cells = rows.map((row) => [
    `${row.ok ? '' : '✗ '}${row.scenario}`,
    String(row.requests),
    String(row.retried),
    String(row.failed),
    String(row.errors500),
    String(row.lost),
    String(row.duplicated),
    row.recoveryMs === undefined ? 'never' : seconds(row.recoveryMs),
  ]); // prettier-ignore
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column]?.length ?? 0)),
  );
  const line = (cell: string[]) =>
    `| ${cell.map((value, column) => (column === 0 ? value.padEnd(widths[column] ?? 0) : value.padStart(widths[column] ?? 0))).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
  );
  for (const cell of cells) console.log(line(cell));
}

const deadline = setTimeout(() => {
  console.error(`test:chaos: not done within ${seconds(timeline.deadlineMs)}; stopping`);
  void killAll().finally(() => {
    postgres?.stop();
    process.exit(1);
  });
}, timeline.deadlineMs);

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('test:chaos failed:', error);
} finally {
  clearTimeout(deadline);
  await killAll();
  await redisServer?.stop().catch(() => {});
  postgres?.stop();
  process.exit(code);
}
