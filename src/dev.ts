import type { Config } from './config.js';
import { runEntry } from './entry.js';
import closeWithGrace from 'close-with-grace';
import { createApi } from './api/server.js';
import { createWorker } from './workers/server.js';
import { createDatabaseIfMissing } from './db/create-database.js';
import { migrate } from './db/migrate.js';
import { createDatabasePool } from './db/pool.js';
import { seedDemoData } from './domain/demo/seed-demo-data.js';

/**
 * `npm start`: local all-in-one. Creates, migrates and (when empty) seeds the database, then runs
 * the API and the worker in this one process under one shutdown handler.
 */
await runEntry(startEverything, { postgres: 'server', redis: true });

async function startEverything(config: Config): Promise<void> {
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
  const api = await createApi(config);
  const worker = await createWorker(config);
  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS }, async (reason) => {
    await Promise.all([api.close(reason), worker.close(reason)]);
  });
  await api.app.listen({ host: config.HOST, port: config.PORT });
  await worker.http.listen({ host: config.HOST, port: config.WORKER_PORT });
  await api.app.metricsServer?.listen({ host: config.METRICS_HOST, port: config.METRICS_PORT });
  const base = api.app.listeningOrigin;
  api.app.log.info(
    {
      api: `${base}/api/v1`,
      docs: `${base}/docs`,
      queues: `${base}/admin/queues`,
      health: `${base}/readyz`,
      apiMetrics: api.app.metricsServer && `${api.app.metricsServer.listeningOrigin}/metrics`,
      workerMetrics: `${worker.http.listeningOrigin}/metrics`,
    },
    `orders service ready at ${base} (API reference: ${base}/docs)`,
  );
}
