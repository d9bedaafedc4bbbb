import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { buildApp } from '../src/api/app.js';
import { openApiPath } from '../src/api/openapi.js';
import { loadConfig } from '../src/config.js';
import { createDatabasePool } from '../src/db/pool.js';
import { clientTypes, clientTypesFile } from './lib/client-types.js';

/**
 * `npm run client`: builds the app (it never listens), reads the document it serves and writes
 * client/orders-api.d.ts. The document needs a Postgres server but no data: the pool opens on
 * the server's maintenance database, so this works before `npm run migrate`.
 */
const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const maintenance = new URL(config.DATABASE_URL);
maintenance.pathname = '/postgres';
const db = await createDatabasePool({
  url: maintenance.toString(),
  maximumPoolSize: 1,
  statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
});
const redis = new Redis(config.REDIS_URL, { lazyConnect: true });
const app = await buildApp({ config, db, redis });
try {
  const document = (await app.inject({ method: 'GET', url: openApiPath })).json<unknown>();
  if (process.argv.includes('--document')) {
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  } else {
    writeFileSync(clientTypesFile, await clientTypes(document));
    console.log(`wrote ${fileURLToPath(clientTypesFile)}`);
  }
} finally {
  await app.close();
  await db.end();
  redis.disconnect();
}
