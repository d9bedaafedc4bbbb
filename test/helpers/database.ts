import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { inject } from 'vitest';
import { migrationsDir } from '../../src/db/migrate.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

async function onMaintenanceDatabase<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(`TEMPLATE ${inject('templateDatabase')}`);
}

/**
 * A fresh database migrated up to `lastMigration` (its file name without `.sql`), to test what a
 * later migration does to the data it finds; `migrate()` then applies the rest.
 */
export async function createTestDatabaseMigratedTo(lastMigration: string): Promise<TestDatabase> {
  const names = readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => file.slice(0, -'.sql'.length));
  const count = names.indexOf(lastMigration) + 1;
  if (count === 0) throw new Error(`no migration ${lastMigration}`);
  const database = await createDatabase('');
  await runner({
    databaseUrl: database.url,
    dir: migrationsDir,
    direction: 'up',
    count,
    migrationsTable: 'pgmigrations',
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
  });
  return database;
}

async function createDatabase(options: string): Promise<TestDatabase> {
  const name = `orders_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase((client) => client.query(`CREATE DATABASE ${name} ${options}`));
  return {
    url: withDatabase(inject('databaseUrl'), name),
    drop: () =>
      onMaintenanceDatabase((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
