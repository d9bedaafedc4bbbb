import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabasePool } from '../../src/db/pool.js';
import { findLiveProduct } from '../../src/db/products.js';
import { createOrder } from '../../src/domain/orders/create-order.js';
import { createOrderScript, productByIdSql } from './bench-sql.js';

/**
 * Placeholders ($1 or :name, not ::type casts) become ?, whitespace one space. A typed NULL
 * literal counts as a placeholder too: pgbench cannot bind a null where the API does.
 */
export function normalise(statement: string): string {
  return statement
    .replace(/\$\d+|(?<!:):(?!:)[A-Za-z_]\w*|\bNULL(?=::)/g, '?')
    .replace(/\s+/g, ' ')
    .replace(/\s*;\s*$/, '')
    .trim();
}

/** What a pgbench script sends per order: every statement after its parameter-making \gset. */
export function scriptStatements(script: string): string[] {
  const start = script.lastIndexOf('\\gset');
  if (start < 0) throw new Error(`${createOrderScript} has no \\gset`);
  return script
    .slice(start + '\\gset'.length)
    .split(/;\s*$/m)
    .map(normalise)
    .filter((statement) => statement !== '');
}

/** Runs `work` and returns the text of every statement it sent through node-pg. */
async function capture(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config] = args;
    sent.push(typeof config === 'string' ? config : (config as { text: string }).text);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent.map(normalise);
}

export interface SqlDrift {
  what: string;
  expected: string[];
  actual: string[];
}

/**
 * Places one real order and reads one product through the app's own code against the bench
 * database, and compares what it sent with bench/sql. Returns the differences (none = in sync).
 */
export async function checkBenchSql(databaseUrl: string): Promise<SqlDrift[]> {
  const db = await createDatabasePool({
    url: databaseUrl,
    maximumPoolSize: 1,
    statementTimeoutMs: 5_000,
    connectTimeoutMs: 2_000,
  });
  try {
    // Warm the pool first, so connection set-up is not captured.
    await findLiveProduct(db, '00000000-0000-4000-8000-000000000001');
    const product = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const order = await capture(() =>
      createOrder(
        { db, nudgeRelay: () => {} },
        {
          userId: '10000000-0000-4000-8000-000000000001',
          items: [1, 2, 3].map((n) => ({ productId: product(n), quantity: 1 })),
          trace: { traceparent: null, tracestate: null },
        },
      ),
    );
    const read = await capture(() => findLiveProduct(db, product(1)));
    const expectedOrder = scriptStatements(readFileSync(createOrderScript, 'utf8'));
    const expectedRead = [normalise(productByIdSql)];
    const drifts: SqlDrift[] = [];
    if (order.join('\n') !== expectedOrder.join('\n')) {
      drifts.push({
        what: 'create order (bench/sql/create-order.sql)',
        expected: expectedOrder,
        actual: order,
      });
    }
    if (read.join('\n') !== expectedRead.join('\n')) {
      drifts.push({
        what: 'product by id (bench/sql/product-by-id.sql)',
        expected: expectedRead,
        actual: read,
      });
    }
    return drifts;
  } finally {
    await db.end();
  }
}
