import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { waitForPipeline } from './lib/database.js';
import { startApi, startWorker, stopProfiled } from './lib/processes.js';
import { clearRedis, prepareRun } from './lib/setup.js';
import { databaseUrl, profilesDir, redisUrl } from './lib/settings.js';
import { startWebhookSink } from './lib/sink.js';
import { runWrk } from './lib/wrk.js';
import { printSummary } from './profile-summary.js';

// npm run profile:pipeline. Where the whole pipeline's CPU goes, across processes: orders paced
// at PROFILE_RATE/s (default 120) for PROFILE_SECONDS (default 30) with the worker and a webhook
// sink running, then until every order is confirmed. Reports Postgres time per statement and
// per order (nested statements inside functions included), Redis commands per order, the API's
// and the worker's CPU profiles (--cpu-prof), and — when `perf` is installed — a system-wide
// sample: CPU by process and Postgres's top functions.
const seconds = Number(process.env.PROFILE_SECONDS ?? 30);
const rate = Number(process.env.PROFILE_RATE ?? 120);
const connections = 8;
const observability = { tracing: true, metrics: true };

mkdirSync(profilesDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const perfData = `${profilesDir}/pipeline-${stamp}.perf.data`;
const { tokensFile } = await prepareRun();
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
const database = new URL(databaseUrl).pathname.slice(1);
// Statements inside create_order() and the transition functions are counted too (toplevel = f).
await client.query(`ALTER DATABASE ${database} SET pg_stat_statements.track = 'all'`);
await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

const cpuProfileName = (name: string) => `pipeline-${stamp}-${name}.cpuprofile`;
const cpuFlags = (name: string) => [
  '--cpu-prof',
  `--cpu-prof-dir=${profilesDir}`,
  `--cpu-prof-name=${cpuProfileName(name)}`,
];
const sink = await startWebhookSink();
const worker = await startWorker({
  observability,
  nodeFlags: cpuFlags('worker'),
  env: { WEBHOOK_URL: sink.url, WEBHOOK_SECRET: sink.secret },
});
const api = await startApi({ observability, nodeFlags: cpuFlags('api') });
const redis = new Redis(redisUrl);
await runWrk({ url: api.url, seconds: 2, tokensFile, script: 'get-product', connections });
await waitForPipeline(client, 60_000);

await client.query('SELECT pg_stat_statements_reset()');
await redis.config('RESETSTAT');
const perf = hasPerf()
  ? spawn('perf', ['record', '-F', '99', '-a', '-g', '-o', perfData, '--', 'sleep', `${seconds}`], {
      stdio: 'ignore',
    })
  : null;
console.log(`pipeline at ${rate} orders/s for ${seconds} s${perf ? ', perf recording' : ''}`);
const delayMs = Math.max(1, Math.round((connections * 1000) / rate));
const load = await runWrk({
  url: api.url,
  seconds,
  tokensFile,
  script: 'create-order',
  connections,
  delayMs,
});
if (perf) await new Promise((resolve) => perf.once('exit', resolve));
// perf samples threads; name each thread of the two services (and this script) by its process.
const roleOfThread = new Map<number, string>();
for (const [role, pid] of [
  ['api', api.pid],
  ['worker', worker.pid],
  ['bench (wrk driver, sink)', process.pid],
] as const) {
  for (const tid of readdirSync(`/proc/${pid}/task`)) roleOfThread.set(Number(tid), role);
}
const counts = await waitForPipeline(client, 300_000);
const orders = counts.orders;

const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};
say(`orders: ${orders} (${load.requestsPerSecond.toFixed(0)}/s asked, ${load.errors} errors)`);

const statements = await client.query<{
  query: string;
  toplevel: boolean;
  calls: number;
  total_ms: number;
  mean_ms: number;
}>(`
  SELECT regexp_replace(s.query, '\\s+', ' ', 'g') AS query, s.toplevel, s.calls::int AS calls,
         s.total_exec_time AS total_ms, s.mean_exec_time AS mean_ms
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
  WHERE d.datname = current_database() AND s.query !~* 'pg_stat|count\\(\\*\\)|VACUUM'
  ORDER BY s.total_exec_time DESC LIMIT 20`);
say('\nPostgres statements by execution time (top level and nested):');
say('  ms/order  calls/order  mean ms  level   statement');
for (const row of statements.rows) {
  say(
    `  ${(row.total_ms / orders).toFixed(3).padStart(8)}  ${(row.calls / orders)
      .toFixed(2)
      .padStart(
        11,
      )}  ${row.mean_ms.toFixed(3).padStart(7)}  ${row.toplevel ? 'top   ' : 'nested'}  ${row.query.slice(0, 110)}`,
  );
}

const commandStats = (await redis.info('commandstats'))
  .split('\n')
  .map((line) => /^cmdstat_(\S+):calls=(\d+),usec=(\d+)/.exec(line))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([, command, calls, usec]) => ({ command, calls: Number(calls), usec: Number(usec) }))
  .sort((a, b) => b.usec - a.usec);
say('\nRedis commands per order (by time spent):');
say('  calls/order  µs/order  command');
for (const { command, calls, usec } of commandStats.slice(0, 12)) {
  say(
    `  ${(calls / orders).toFixed(2).padStart(11)}  ${(usec / orders).toFixed(1).padStart(8)}  ${command}`,
  );
}
const totalCalls = commandStats.reduce((sum, stat) => sum + stat.calls, 0);
say(`  ${(totalCalls / orders).toFixed(1)} commands per order in all`);

if (perf) {
  say('\nCPU samples by process (perf, system-wide, % of all samples on both cores):');
  const byRole = new Map<string, number>();
  for (const line of perfReport(['--sort', 'pid'], 1000).split('\n')) {
    const match = /([\d.]+)%\s+(\d+):(\S+)/.exec(line);
    if (!match) continue;
    const role = roleOfThread.get(Number(match[2])) ?? match[3] ?? 'other';
    byRole.set(role, (byRole.get(role) ?? 0) + Number(match[1]));
  }
  for (const [role, percent] of [...byRole].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    say(`  ${percent.toFixed(1).padStart(5)}%  ${role}`);
  }
  say('\nPostgres backends, top functions (self, % of Postgres samples):');
  say(perfReport(['--comm', 'postgres', '--percentage', 'relative', '--sort', 'dso,sym']));
}

await stopProfiled(api);
await stopProfiled(worker);
for (const name of ['api', 'worker']) {
  say(`\n${name} CPU profile (whole process life: start-up, load, drain):`);
  printSummary(`${profilesDir}/${cpuProfileName(name)}`, say);
}

const summary = `${profilesDir}/pipeline-${stamp}.txt`;
writeFileSync(summary, `${lines.join('\n')}\n`);
console.log(`\nsummary: ${summary}${perf ? `\nperf data: ${perfData} (perf report -i …)` : ''}`);

await client.query(`ALTER DATABASE ${database} RESET pg_stat_statements.track`);
await sink.close();
redis.disconnect();
await client.end();
await clearRedis();

function hasPerf(): boolean {
  return spawnSync('perf', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** The first lines of a flat perf report (no call graphs), percentages of all samples. */
function perfReport(args: string[], limit = 20): string {
  const report = spawnSync(
    'perf',
    [
      'report',
      '-i',
      perfData,
      '--stdio',
      '--no-children',
      '-g',
      'none',
      '--percent-limit',
      '1',
      ...args,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return report.stdout
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .slice(0, limit)
    .join('\n');
}
