import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { rethrowUniqueViolation } from './errors.js';
import type { KeysetPosition } from './keyset.js';

export const productRow = z.object({
  id: z.uuid(),
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProductRow = z.infer<typeof productRow>;

export const productColumns = sql.fragment`
  id, sku, name, description, price_cents AS "priceCents", currency, stock, version,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export interface NewProduct {
  sku: string | null;
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  stock: number;
}

export function insertProduct(db: CommonQueryMethods, product: NewProduct): Promise<ProductRow> {
  return rethrowUniqueViolation(
    db.one(sql.type(productRow)`
      INSERT INTO products (sku, name, description, price_cents, currency, stock)
      VALUES (${product.sku}, ${product.name}, ${product.description}, ${product.priceCents},
              ${product.currency}, ${product.stock})
      RETURNING ${productColumns}`),
  );
}

export function findLiveProduct(db: CommonQueryMethods, id: string): Promise<ProductRow | null> {
  return db.maybeOne(sql.prepared('find_live_product', productRow)`
    SELECT ${productColumns} FROM products WHERE id = ${id} AND archived_at IS NULL`);
}

export interface ListingQuery {
  limit: number;
  after?: KeysetPosition | undefined;
  nameContains?: string | undefined;
}

const listingRow = productRow.extend({ createdAtMicros: z.number().int() });

/** Makes `%`, `_` and `\` match themselves in a LIKE pattern (backslash is the default escape). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

function listingQuery(query: ListingQuery) {
  const conditions = [sql.fragment`archived_at IS NULL`];
  if (query.after) {
    // float8 × interval is exact for whole microseconds below 2^53, so ties on created_at hold.
    conditions.push(sql.fragment`(created_at, id) > (
      'epoch'::timestamptz + ${query.after.createdAtMicros} * interval '1 microsecond',
      ${query.after.id}::uuid)`);
  }
  if (query.nameContains) {
    // The partial trigram index (products_name_trgm_idx) serves this ILIKE.
    conditions.push(sql.fragment`name ILIKE ${`%${escapeLike(query.nameContains)}%`}`);
  }
  return sql.fragment`
    SELECT ${productColumns},
           (extract(epoch FROM created_at) * 1000000)::bigint AS "createdAtMicros"
    FROM products
    WHERE ${sql.join(conditions, sql.fragment` AND `)}
    ORDER BY created_at, id
    LIMIT ${query.limit}`;
}

/** Live products in (created_at, id) order; keyset pagination keeps pages stable under inserts. */
export function listLiveProducts(
  db: CommonQueryMethods,
  query: ListingQuery,
): Promise<readonly z.infer<typeof listingRow>[]> {
  return db.any(sql.type(listingRow)`${listingQuery(query)}`);
}

/** The plan Postgres picks for exactly the listing query, for tests and benchmarks. */
export async function explainProductListing(
  db: CommonQueryMethods,
  query: ListingQuery,
): Promise<string> {
  const lines = await db.anyFirst(
    sql.type(z.object({ 'QUERY PLAN': z.string() }))`
      EXPLAIN (ANALYZE, BUFFERS) ${listingQuery(query)}`,
  );
  return lines.join('\n');
}

export interface ProductChanges {
  sku?: string | null | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  priceCents?: number | undefined;
  currency?: string | undefined;
  stock?: number | undefined;
}

/**
 * One conditional UPDATE: with `expectedVersion` it only applies to that version, so two
 * writers holding the same version cannot both win. Null when no live row matched.
 */
export function updateLiveProduct(
  db: CommonQueryMethods,
  id: string,
  changes: ProductChanges,
  expectedVersion?: number,
): Promise<ProductRow | null> {
  const assignments = [sql.fragment`version = version + 1`, sql.fragment`updated_at = now()`];
  if (changes.sku !== undefined) assignments.push(sql.fragment`sku = ${changes.sku}`);
  if (changes.name !== undefined) assignments.push(sql.fragment`name = ${changes.name}`);
  if (changes.description !== undefined) {
    assignments.push(sql.fragment`description = ${changes.description}`);
  }
  if (changes.priceCents !== undefined) {
    assignments.push(sql.fragment`price_cents = ${changes.priceCents}`);
  }
  if (changes.currency !== undefined) {
    assignments.push(sql.fragment`currency = ${changes.currency}`);
  }
  if (changes.stock !== undefined) assignments.push(sql.fragment`stock = ${changes.stock}`);
  const versionMatches =
    expectedVersion === undefined
      ? sql.fragment`TRUE`
      : sql.fragment`version = ${expectedVersion}::bigint`;
  return rethrowUniqueViolation(
    db.maybeOne(sql.type(productRow)`
      UPDATE products SET ${sql.join(assignments, sql.fragment`, `)}
      WHERE id = ${id} AND archived_at IS NULL AND ${versionMatches}
      RETURNING ${productColumns}`),
  );
}

/** Archives instead of deleting, so order lines keep their product. False when not live. */
export async function archiveLiveProduct(db: CommonQueryMethods, id: string): Promise<boolean> {
  const archived = await db.maybeOne(sql.type(z.object({ id: z.uuid() }))`
    UPDATE products SET archived_at = now(), updated_at = now(), version = version + 1
    WHERE id = ${id} AND archived_at IS NULL
    RETURNING id`);
  return archived !== null;
}
