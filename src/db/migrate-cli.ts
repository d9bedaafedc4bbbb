import { loadConfig } from '../config.js';
import { createDatabaseIfMissing } from './create-database.js';
import { migrate } from './migrate.js';

const config = loadConfig();
await createDatabaseIfMissing(config.DATABASE_URL);
const applied = await migrate(config.DATABASE_URL, console.log);
console.log(`migrations applied: ${applied.length}`);
