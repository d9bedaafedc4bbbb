import { runEntry } from '../entry.js';
import { createDatabaseIfMissing } from './create-database.js';
import { migrate } from './migrate.js';

await runEntry(
  async (config) => {
    await createDatabaseIfMissing(config.DATABASE_URL);
    const applied = await migrate(config.DATABASE_URL, console.log);
    console.log(`migrations applied: ${applied.length}`);
  },
  { postgres: 'server' },
);
