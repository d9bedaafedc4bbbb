import { runEntry } from './entry.js';
import { startApi } from './api/server.js';
import { createDatabaseIfMissing } from './db/create-database.js';
import { migrate } from './db/migrate.js';

/** `npm start`: local all-in-one. Creates and migrates the database, then starts the API. */
await runEntry(async (config) => {
  if (await createDatabaseIfMissing(config.DATABASE_URL)) {
    console.log(`created database ${new URL(config.DATABASE_URL).pathname.slice(1)}`);
  }
  await migrate(config.DATABASE_URL);
  const app = await startApi(config);
  const base = `http://${config.HOST}:${config.PORT}`;
  app.log.info(
    { api: `${base}/api/v1`, docs: `${base}/docs`, health: `${base}/readyz` },
    `orders service ready at ${base} (API reference: ${base}/docs)`,
  );
});
