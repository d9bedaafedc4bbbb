import { Redis } from 'ioredis';
import pg from 'pg';
import { startChild } from './processes.js';
import { adminDatabaseUrl, redisKeyPrefix, redisUrl } from './settings.js';

export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function asAdmin(statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    for (const statement of statements) await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** Drops and creates `name` on the machine's Postgres, then runs `settings` as admin. */
export async function recreateDatabase(name: string, settings: string[] = []): Promise<string> {
  const quoted = pg.escapeIdentifier(name);
  await asAdmin([
    `DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`,
    `CREATE DATABASE ${quoted}`,
    ...settings,
  ]);
  return withDatabase(adminDatabaseUrl, name);
}

export function dropDatabase(name: string): Promise<void> {
  return asAdmin([`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`]);
}

/** The migrate entry the deployment's Job runs: `node dist/db/migrate-cli.js`. */
export async function migrateFromDist(databaseUrl: string, logFile: string): Promise<void> {
  const child = startChild(
    'migrate',
    process.execPath,
    ['dist/db/migrate-cli.js'],
    { DATABASE_URL: databaseUrl },
    logFile,
  );
  const code = await child.exited;
  if (code !== 0) throw new Error(`migrations exited with ${code} (see ${logFile})`);
}

/** Deletes every key of the run's prefix (queues and rate-limit counters). */
export async function clearRedisPrefix(): Promise<void> {
  const redis = new Redis(redisUrl);
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
