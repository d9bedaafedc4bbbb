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
    await client.query('VACUUM ANALYZE');
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

export interface LagPercentiles {
  events: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/**
 * Outbox insert (inside the order's transaction) → order-created consumer's transaction, for
 * events written in [from, to). Slightly above commit → consume: it includes the commit itself.
 */
export async function consumeLagFromDatabase(
  client: pg.Client,
  from: Date,
  to: Date,
): Promise<LagPercentiles> {
  const result = await client.query<LagPercentiles>(
    `SELECT count(*)::int AS events,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS "p50Ms",
            percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS "p99Ms",
            max(lag_ms) AS "maxMs"
     FROM (SELECT (extract(epoch FROM p.processed_at - o.created_at) * 1000)::float8 AS lag_ms
           FROM outbox o JOIN processed_events p
             ON p.event_id = o.id AND p.consumer = 'order-created'
           WHERE o.event_type = 'order.created' AND o.created_at >= $1 AND o.created_at < $2) lags`,
    [from, to],
  );
  const [row] = result.rows;
  if (!row) throw new Error('percentile query returned no row');
  return row;
}

export interface BacklogSampler {
  stop: () => Promise<{ max: number; end: number; samples: number[] }>;
}

/** Counts unpublished outbox rows once a second until stopped. */
export function sampleBacklog(client: pg.Client): BacklogSampler {
  const samples: number[] = [];
  let pending = Promise.resolve();
  const timer = setInterval(() => {
    pending = pending.then(async () => {
      samples.push(await outboxBacklog(client));
    });
  }, 1_000);
  return {
    stop: async () => {
      clearInterval(timer);
      await pending;
      samples.push(await outboxBacklog(client));
      return { max: Math.max(...samples), end: samples.at(-1) ?? 0, samples };
    },
  };
}

/** Waits until the relay has published everything (or `timeoutMs` passes); returns ms waited. */
export async function waitForEmptyOutbox(client: pg.Client, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs && (await outboxBacklog(client)) > 0) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return Date.now() - started;
}
