import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';

export const migrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

/**
 * Applies pending migrations. An advisory lock makes concurrent runs (several containers
 * starting at once) wait for each other instead of failing or applying twice.
 */
export async function migrate(databaseUrl: string, log: (message: string) => void = () => {}) {
  return runner({
    databaseUrl,
    dir: migrationsDir,
    direction: 'up',
    migrationsTable: 'pgmigrations',
    advisoryLockMode: 'wait',
    singleTransaction: true,
    checkOrder: true,
    log,
  });
}
