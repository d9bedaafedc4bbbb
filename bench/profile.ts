import { mkdirSync, readdirSync, statSync } from 'node:fs';
import pg from 'pg';
import { outboxBacklog, waitForPipeline } from './lib/database.js';
import { startApi, startWorker, stopProfiled } from './lib/processes.js';
import { printSummary } from './profile-summary.js';
import { clearRedis, prepareRun } from './lib/setup.js';
import { databaseUrl, profilesDir } from './lib/settings.js';
import { runWrk, type WrkRun } from './lib/wrk.js';

// npm run profile:api | profile:worker. PROFILE_SECONDS (default 30) of load;
// PROFILE_SCENARIO (api only): create-order (default), mix, get-product, search-products.
const target = process.argv[2];
if (target !== 'api' && target !== 'worker') {
  console.error('usage: tsx bench/profile.ts api|worker');
  process.exit(2);
}
const seconds = Number(process.env.PROFILE_SECONDS ?? 30);
const scenario = (process.env.PROFILE_SCENARIO ?? 'create-order') as WrkRun['script'];
const observability = { tracing: true, metrics: true };
const profileFlags = [
  '--cpu-prof',
  `--cpu-prof-dir=${profilesDir}`,
  '--heap-prof',
  `--heap-prof-dir=${profilesDir}`,
];

mkdirSync(profilesDir, { recursive: true });
const startedAt = Date.now();
const { tokensFile } = await prepareRun();
const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();

if (target === 'api') {
  const worker = await startWorker({ observability });
  const api = await startApi({ observability, nodeFlags: profileFlags });
  console.log(`profiling the API under ${scenario} for ${seconds} s`);
  const result = await runWrk({
    url: api.url,
    seconds,
    tokensFile,
    script: scenario,
    connections: 16,
  });
  console.log(`${result.requestsPerSecond.toFixed(0)} req/s, ${result.errors} errors`);
  await stopProfiled(api);
  await waitForPipeline(client, 300_000);
  await worker.stop();
} else {
  // A backlog first (worker stopped), then the profiled worker relays and consumes all of it.
  const api = await startApi({ observability });
  console.log(`placing orders for ${seconds} s with the worker stopped`);
  await runWrk({ url: api.url, seconds, tokensFile, script: 'create-order', connections: 8 });
  await api.stop();
  const backlog = await outboxBacklog(client);
  const worker = await startWorker({ observability, nodeFlags: profileFlags });
  const drainStarted = Date.now();
  await waitForPipeline(client, 300_000);
  const drainSeconds = (Date.now() - drainStarted) / 1000;
  console.log(
    `worker drained ${backlog} outbox rows (and the order.confirmed events they led to) in ` +
      `${drainSeconds.toFixed(1)} s: ${(backlog / drainSeconds).toFixed(0)} orders/s`,
  );
  await stopProfiled(worker);
}
await client.end();
await clearRedis();

const written = readdirSync(profilesDir)
  .map((name) => `${profilesDir}/${name}`)
  .filter((file) => statSync(file).mtimeMs >= startedAt)
  .sort();
console.log('\nprofiles written:');
for (const file of written) console.log(`  ${file}`);
console.log(`
open a .cpuprofile in Chrome DevTools (Performance → Load profile) or https://www.speedscope.app;
a .heapprofile in DevTools (Memory → Load). Flamegraph: npx 0x, if installed, on the same entry.
`);
const cpuProfile = written.find((file) => file.endsWith('.cpuprofile'));
if (cpuProfile) printSummary(cpuProfile);
else console.error('no .cpuprofile was written: did the process exit cleanly?');
