import { checkBenchSql } from './lib/sql-check.js';
import { databaseUrl } from './lib/settings.js';

// Needs a prepared bench database (npm run bench, or bench/check-sql.ts after one).
const drifts = await checkBenchSql(databaseUrl);
for (const drift of drifts) {
  console.error(`bench SQL differs from what the code sends: ${drift.what}`);
  console.error(`  bench/sql: ${drift.expected.join('\n             ')}`);
  console.error(`  code:      ${drift.actual.join('\n             ')}`);
}
if (drifts.length === 0) console.log('bench/sql matches the statements the code sends');
process.exitCode = drifts.length === 0 ? 0 : 1;
