import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { prepareDatabase, userIds, withClient } from './database.js';
import { checkBenchSql } from './sql-check.js';
import { signAccessToken } from './tokens.js';
import {
  databaseUrl,
  jwtSecret,
  redisKeyPrefix,
  redisUrl,
  repoRoot,
  resultsDir,
} from './settings.js';

const run = promisify(execFile);

/** Deletes every Redis key of the bench processes (jobs, rate-limit counters). */
export async function clearRedis(): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisKeyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Removes orders and events between scenarios (stock stays ample), and what they bloated.
 * The emptied tables are not analyzed: statistics saying "empty" would plan the foreign-key
 * checks on orders and outbox as sequential scans, cached per connection while the tables grow
 * (~0.8 ms of Postgres CPU per order); left unknown, the planner assumes a table of some pages.
 */
export async function resetOrders(): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    await client.query('TRUNCATE orders, outbox, inbox, idempotency_keys CASCADE');
    await client.query('VACUUM ANALYZE products');
  });
}

/** The local redis-server's pid, to count its CPU (null if it cannot be found). */
export async function redisServerPid(): Promise<number | null> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const info = await redis.info('server');
    return Number(/process_id:(\d+)/.exec(info)?.[1] ?? Number.NaN) || null;
  } finally {
    redis.disconnect();
  }
}

/**
 * Everything a run needs before load: a fresh seeded database, bench/sql checked against the
 * code, a fresh build, clean Redis keys, and one access token per user in a file for wrk.
 */
export async function prepareRun(): Promise<{ tokensFile: string }> {
  const step = async (what: string, work: () => Promise<unknown>) => {
    const started = Date.now();
    await work();
    console.log(`${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await step('database prepared', () => prepareDatabase(databaseUrl));
  await step('bench/sql matches the code', async () => {
    const drifts = await checkBenchSql(databaseUrl);
    if (drifts.length > 0) {
      throw new Error(`bench/sql is out of date; run npx tsx bench/check-sql.ts for the diff`);
    }
    await resetOrders();
  });
  await step('built dist/', () => run('npm', ['run', 'build'], { cwd: repoRoot }));
  await step('redis keys cleared', clearRedis);
  mkdirSync(resultsDir, { recursive: true });
  const tokensFile = `${resultsDir}/tokens.txt`;
  await step('access tokens minted', async () => {
    const ids = await withClient(databaseUrl, userIds);
    const now = Math.floor(Date.now() / 1000);
    writeFileSync(
      tokensFile,
      `${ids.map((id) => signAccessToken(jwtSecret, id, now)).join('\n')}\n`,
    );
  });
  return { tokensFile };
}
