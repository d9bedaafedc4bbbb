import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
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
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `orders_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase((client) =>
    client.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`),
  );
  return {
    url: withDatabase(inject('databaseUrl'), name),
    drop: () =>
      onMaintenanceDatabase((client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      ).then(() => undefined),
  };
}
