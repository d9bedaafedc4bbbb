import { runEntry } from './entry.js';
import { startApi } from './api/server.js';
import { createDatabaseIfMissing } from './db/create-database.js';
import { migrate } from './db/migrate.js';
import { createDatabasePool } from './db/pool.js';
import { seedDemoData } from './domain/demo/seed-demo-data.js';

/** `npm start`: local all-in-one. Creates and migrates the database, then starts the API. */
await runEntry(async (config) => {
  if (await createDatabaseIfMissing(config.DATABASE_URL)) {
    console.log(`created database ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
  }
  await migrate(config.DATABASE_URL);
  const seedDb = await createDatabasePool({
    url: config.DATABASE_URL,
    maximumPoolSize: 1,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
  });
  await seedDemoData({ db: seedDb, log: console.log }, { environment: config.NODE_ENV }).finally(
    () => seedDb.end(),
  );
  const app = await startApi(config);
  const base = app.listeningOrigin;
  app.log.info(
    { api: `${base}/api/v1`, docs: `${base}/docs`, health: `${base}/readyz` },
    `orders service ready at ${base} (API reference: ${base}/docs)`,
  );
});
