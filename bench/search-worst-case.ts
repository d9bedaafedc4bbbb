/**
 * The slowest product search anyone can ask for, at 200k products: each candidate `q` is sent
 * through the real app (validation, limits, the statement timeout) and timed. Writes the raw
 * numbers to bench/search-worst-case.json (committed: docs/SECURITY.md cites it).
 *
 *   npx tsx bench/search-worst-case.ts        (BENCH_DATABASE_URL, BENCH_REDIS_URL as for the bench)
 */
import { writeFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import pg from 'pg';
import { sql } from 'slonik';
import { buildApp } from '../src/api/app.js';
import { loadConfig } from '../src/config.js';
import { createDatabaseIfMissing } from '../src/db/create-database.js';
import { migrate } from '../src/db/migrate.js';
import { createDatabasePool } from '../src/db/pool.js';
import { benchDir, redisUrl } from './lib/settings.js';

const products = 200_000;
const runs = 7;
const databaseUrl =
  process.env.BENCH_DATABASE_URL?.replace(/\/[^/]*$/, '/orders_search_bench') ??
  'postgres://postgres@127.0.0.1:5432/orders_search_bench';

/** Candidates: rare and common text, terms whose trigrams are all common but never match, wildcards. */
const candidates: Record<string, string> = {
  'rare text (baseline)': 'fe7ecc4d',
  'every name matches': 'product',
  'common trigrams, no match': 'product product',
  'common trigrams, no match, 64 chars': 'product '.repeat(8).trim().padEnd(64, 'p'),
  'wildcards around 3 letters': '%_%abc%_%',
  '3 letters among 61 wildcards': `${'%_'.repeat(30)}%abc`,
  'three hex letters': 'abc',
  'three digits': '000',
  'no trigram in any name': 'zzz',
  'long hex run': '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'common trigram then rare': 'product fe7ecc4d',
  'issue 11 attack (refused)': '%_'.repeat(100),
};

const config = loadConfig({
  NODE_ENV: 'production',
  JWT_SECRET: 'bench-jwt-secret-not-for-production-0123456789',
  LOG_LEVEL: 'silent',
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_KEY_PREFIX: 'orders-search-bench:',
  SEARCH_RATE_LIMIT_PER_IP: '1000000',
});

await createDatabaseIfMissing(databaseUrl);
await migrate(databaseUrl);
const db = await createDatabasePool({
  url: databaseUrl,
  maximumPoolSize: 4,
  statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
});
const count = Number(await db.oneFirst(sql.unsafe`SELECT count(*)::int FROM products`));
if (count < products) {
  // Names as varied as in test/api/products/search-plan.test.ts: a shared word and an md5.
  const setup = new pg.Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query(
    `INSERT INTO products (name, price_cents, stock)
     SELECT 'Product ' || md5(i::text), 100 + i % 1000, 10 FROM generate_series($1::int + 1, $2::int) AS i`,
    [count, products],
  );
  await setup.query('ANALYZE products');
  await setup.end();
}

const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
const app = await buildApp({ config, db, redis });
await app.ready();

const results = [];
for (const [label, q] of Object.entries(candidates)) {
  const timings: number[] = [];
  let status = 0;
  let items = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/products?${new URLSearchParams({ q, limit: '20' })}`,
    });
    timings.push(performance.now() - started);
    status = response.statusCode;
    items = status === 200 ? (response.json() as { items: unknown[] }).items.length : 0;
  }
  // The first run warms caches; the rest are what a repeat attacker gets.
  const warm = timings.slice(1).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const result = {
    label,
    q,
    status,
    items,
    coldMs: round(timings[0] ?? 0),
    medianMs: round(warm[Math.floor(warm.length / 2)] ?? 0),
    maxMs: round(warm.at(-1) ?? 0),
  };
  results.push(result);
  console.log(
    `${label.padEnd(38)} ${String(status).padEnd(4)} median ${result.medianMs} ms, max ${result.maxMs} ms (cold ${result.coldMs} ms)`,
  );
}

const accepted = results.filter((result) => result.status === 200);
const worst = accepted.reduce((a, b) => (b.medianMs > a.medianMs ? b : a));
const report = {
  measuredAt: new Date().toISOString(),
  products,
  runsPerQuery: runs,
  searchStatementTimeoutMs: config.SEARCH_STATEMENT_TIMEOUT_MS,
  searchRateLimitPerIp: 300,
  worstAccepted: { label: worst.label, q: worst.q, medianMs: worst.medianMs, maxMs: worst.maxMs },
  results,
};
writeFileSync(`${benchDir}search-worst-case.json`, `${JSON.stringify(report, null, 2)}\n`);
console.log(`worst accepted q: ${JSON.stringify(worst.q)} — median ${worst.medianMs} ms`);

await app.close();
await db.end();
const keys = await redis.keys(`${config.REDIS_KEY_PREFIX}*`);
if (keys.length) await redis.del(...keys);
redis.disconnect();
