import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainProductListing } from '../../../src/db/products.js';
import { useTestApp } from '../../helpers/app.js';

const ctx = useTestApp();
const rows = 25_000;

beforeAll(async () => {
  // Names carry an md5 so trigrams are as varied as real catalogue names.
  await ctx.db.query(sql.unsafe`
    INSERT INTO products (name, price_cents, stock)
    SELECT 'Product ' || md5(i::text), 100 + i, 10 FROM generate_series(1, ${rows}) AS i`);
  await ctx.db.query(sql.unsafe`ANALYZE products`);
}, 60_000);

describe('product search plan', () => {
  it(`when q filters ${rows} products, then the trigram index serves the listing query`, async () => {
    // md5('4242') starts with 'fe7ecc4d': a fragment that matches a handful of rows.
    const plan = await explainProductListing(ctx.db, { limit: 21, nameContains: 'FE7ECC4D' });
    if (process.env.SHOW_PLANS) console.log(plan);
    expect(plan).toContain('Bitmap Index Scan on products_name_trgm_idx');
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/Bitmap Heap Scan on products .*actual time=[^)]*rows=[1-9]/);
  });

  it('when no q is given, then the listing walks the keyset index', async () => {
    const plan = await explainProductListing(ctx.db, { limit: 21 });
    if (process.env.SHOW_PLANS) console.log(plan);
    expect(plan).toContain('products_listing_idx');
  });

  it('when a cursor is given, then the keyset index seeks straight to it', async () => {
    const plan = await explainProductListing(ctx.db, {
      limit: 21,
      after: { createdAtMicros: Date.now() * 1000, id: '6f1c1a5e-2d3b-4c4d-8e5f-000000000000' },
    });
    if (process.env.SHOW_PLANS) console.log(plan);
    expect(plan).toMatch(
      /Index Scan using products_listing_idx[\s\S]*Index Cond: \(ROW\(created_at, id\) >/,
    );
  });

  it('when the API searches the large table, then it answers exactly the matching rows', async () => {
    const search = () => ctx.app.inject({ method: 'GET', url: '/api/v1/products?q=fe7ecc4d' });
    const timings: number[] = [];
    let res = await search();
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      res = await search();
      timings.push(performance.now() - started);
    }
    if (process.env.SHOW_PLANS) {
      console.log(
        `warm GET /products?q=fe7ecc4d, best of 10: ${Math.min(...timings).toFixed(1)} ms`,
      );
    }
    expect(res.statusCode).toBe(200);
    expect(res.json().items.length).toBeGreaterThan(0);
    for (const item of res.json().items) expect(item.name.toLowerCase()).toContain('fe7ecc4d');
  });
});
