import pg from 'pg';
import { migrate } from '../../src/db/migrate.js';
import { hashPassword } from '../../src/domain/auth/passwords.js';
import { benchPassword, hotProduct, productCount, userCount } from './settings.js';

/** Ids, names and prices derive from an integer, so wrk scripts and pgbench need no lookup. */
const seedFunctions = `
  CREATE FUNCTION bench_product_id(n int) RETURNS uuid IMMUTABLE LANGUAGE sql
    AS $$ SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;
  CREATE FUNCTION bench_product_name(n int) RETURNS text IMMUTABLE LANGUAGE sql
    AS $$ SELECT 'Bench ' || (ARRAY['red', 'green', 'blue', 'black', 'white', 'steel', 'oak',
                   'glass'])[n % 8 + 1] || ' widget ' || n $$;
  CREATE FUNCTION bench_product_price(n int) RETURNS int8 IMMUTABLE LANGUAGE sql
    AS $$ SELECT (100 + (n * 7919) % 10000)::int8 $$;
  CREATE FUNCTION bench_user_id(n int) RETURNS uuid IMMUTABLE LANGUAGE sql
    AS $$ SELECT ('10000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid $$;`;

export function benchEmail(n: number): string {
  return `bench-${n}@example.com`;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the bench database, migrates it and seeds products and users. */
export async function prepareDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  await withClient(admin.toString(), async (client) => {
    const quoted = pg.escapeIdentifier(name);
    await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted}`);
  });
  await migrate(url);
  // One argon2 hash shared by every user: hashing 1,000 times would take most of a minute.
  const passwordHash = await hashPassword(benchPassword);
  await withClient(url, async (client) => {
    await client.query(seedFunctions);
    await client.query(
      `INSERT INTO products (id, sku, name, description, price_cents, currency, stock)
       SELECT bench_product_id(n), 'BENCH-' || n, bench_product_name(n), 'Seeded for benchmarks',
              bench_product_price(n), 'USD', CASE WHEN n = $2 THEN 2000000000 ELSE 1000000000 END
       FROM generate_series(1, $1::int) n`,
      [productCount, hotProduct],
    );
    await client.query(
      `INSERT INTO users (id, email, name, password_hash)
       SELECT bench_user_id(n), 'bench-' || n || '@example.com', 'Bench user ' || n, $2
       FROM generate_series(1, $1::int) n`,
      [userCount, passwordHash],
    );
    // Only the seeded tables: see resetOrders for why empty ones stay unanalyzed.
    await client.query('VACUUM ANALYZE products, users');
  });
}

/** Bench user ids in user-number order (1-based numbers, index 0 is user 1). */
export async function userIds(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ id: string }>(
    'SELECT bench_user_id(n) AS id FROM generate_series(1, $1::int) n ORDER BY n',
    [userCount],
  );
  return result.rows.map((row) => row.id);
}

export async function outboxBacklog(client: pg.Client): Promise<number> {
  const result = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL',
  );
  return result.rows[0]?.n ?? 0;
}

export interface PipelineCounts {
  orders: number;
  pending: number;
  confirmed: number;
  confirmedEvents: number;
  unpublished: number;
  unconsumed: number;
  undelivered: number;
}

/** Where the orders of the run stand, and what is still in flight. */
export async function pipelineCounts(client: pg.Client): Promise<PipelineCounts> {
  const result = await client.query<PipelineCounts>(`
    SELECT (SELECT count(*)::int FROM orders) AS orders,
           (SELECT count(*)::int FROM orders WHERE status = 'pending') AS pending,
           (SELECT count(*)::int FROM orders WHERE status = 'confirmed') AS confirmed,
           (SELECT count(*)::int FROM outbox WHERE event_type = 'order.confirmed')
             AS "confirmedEvents",
           (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS unpublished,
           (SELECT count(*)::int FROM inbox WHERE failed_at IS NULL) AS unconsumed,
           (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'pending') AS undelivered`);
  const [row] = result.rows;
  if (!row) throw new Error('count query returned no row');
  return row;
}

/** Waits until no order is pending and every event was published, applied and delivered. */
export async function waitForPipeline(client: pg.Client, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await pipelineCounts(client);
    const inFlight = counts.pending + counts.unpublished + counts.unconsumed + counts.undelivered;
    if (inFlight === 0) return counts;
    if (Date.now() > deadline)
      throw new Error(`pipeline did not settle: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface BacklogSampler {
  stop: () => Promise<{ max: number; end: number; flat: boolean; samples: number[] }>;
}

/** Seconds of a run's start left out of the flatness check: every stage is still filling up. */
const fillSeconds = 3;

/**
 * Flat: once the stages have filled, the second half of the run holds no more in flight than
 * the first, give or take `slack` (how much a steady pipeline's level wobbles).
 */
export function isFlat(samples: readonly number[], slack: number): boolean {
  const steady = samples.slice(fillSeconds);
  if (steady.length < 4) return false;
  const half = Math.floor(steady.length / 2);
  const mean = (values: readonly number[]) =>
    values.reduce((sum, value) => sum + value, 0) / values.length;
  return mean(steady.slice(-half)) - mean(steady.slice(0, half)) <= slack;
}

/**
 * Counts what the whole pipeline has in flight once a second until stopped: orders not yet
 * confirmed, events not yet published or consumed, webhooks not yet delivered. A stage that
 * falls behind shows even while the others keep up.
 */
export function sampleBacklog(client: pg.Client, slack: number): BacklogSampler {
  const samples: number[] = [];
  const read = async () => {
    const counts = await pipelineCounts(client);
    return counts.pending + counts.unpublished + counts.unconsumed + counts.undelivered;
  };
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(async () => {
      samples.push(await read());
    });
  }, 1_000);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      samples.push(await read());
      return {
        max: Math.max(...samples),
        end: samples.at(-1) ?? 0,
        flat: isFlat(samples, slack),
        samples,
      };
    },
  };
}

export type HotUpdates = Record<string, { updates: number; hot: number; hotRatio: number }>;

/**
 * Updates and HOT updates of the tables the pipeline updates on every order, since `since` (or
 * in total): a non-HOT update writes a new entry into every index of its table.
 */
export async function readHotUpdates(client: pg.Client, since?: HotUpdates): Promise<HotUpdates> {
  // Statistics reach the collector after their transaction; give the last ones a moment.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const result = await client.query<{ table: string; updates: number; hot: number }>(`
    SELECT relname AS table, n_tup_upd::int AS updates, n_tup_hot_upd::int AS hot
    FROM pg_stat_user_tables WHERE relname IN ('products', 'orders', 'outbox', 'inbox')`);
  return Object.fromEntries(
    result.rows.map(({ table, updates, hot }) => {
      const updated = updates - (since?.[table]?.updates ?? 0);
      const hotUpdated = hot - (since?.[table]?.hot ?? 0);
      return [table, { updates: updated, hot: hotUpdated, hotRatio: hotUpdated / (updated || 1) }];
    }),
  );
}

/** Clears pg_stat_statements; false when the extension is not loaded (then counts are skipped). */
export async function resetStatementStats(client: pg.Client): Promise<boolean> {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT pg_stat_statements_reset()');
    return true;
  } catch {
    return false;
  }
}

/**
 * Statements (round trips) and commits per order since the reset, split between the API (the
 * create statement) and the worker (everything else the bench itself did not send).
 */
export async function readStatementsPerOrder(client: pg.Client, orders: number) {
  const result = await client.query<{ query: string; calls: number }>(`
    SELECT s.query, s.calls::int AS calls
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
    WHERE d.datname = current_database()`);
  const api = /create_order|FROM products WHERE id = \$1/;
  const bench = /pg_stat|count\(\*\)|VACUUM|TRUNCATE|CREATE EXTENSION|pg_notify/i;
  let apiCalls = 0;
  let workerCalls = 0;
  const top: { query: string; perOrder: number }[] = [];
  for (const { query, calls } of result.rows) {
    if (bench.test(query)) continue;
    if (api.test(query)) apiCalls += calls;
    else workerCalls += calls;
    top.push({ query: query.replace(/\s+/g, ' ').slice(0, 80), perOrder: calls / orders });
  }
  top.sort((a, b) => b.perOrder - a.perOrder);
  return {
    api: apiCalls / orders,
    worker: workerCalls / orders,
    statements: top.slice(0, 12),
  };
}
