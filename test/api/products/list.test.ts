import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { archiveLiveProduct, insertProduct } from '../../../src/db/products.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem } from '../../helpers/auth.js';
import { createProduct } from '../../helpers/factories.js';

const ctx = useTestApp();

async function list(query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return ctx.app.inject({ method: 'GET', url: `/api/v1/products?${search}` });
}

/** Follows nextCursor to the end; `during` runs concurrently with every page read. */
async function walk(
  query: Record<string, string | number>,
  during: () => Promise<unknown> = async () => {},
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const [res]: [Awaited<ReturnType<typeof list>>, unknown] = await Promise.all([
      list(cursor ? { ...query, cursor } : query),
      during(),
    ]);
    expect(res.statusCode).toBe(200);
    const page: { items: { id: string }[]; nextCursor: string | null } = res.json();
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { ids, pages };
}

const token = () => randomBytes(6).toString('hex');
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('GET /products: pages', () => {
  it('when no limit is given, then 20 items and a cursor that leads to the rest', async () => {
    const tag = token();
    for (let i = 0; i < 23; i++) await createProduct(ctx.db, { name: `Default ${tag} ${i}` });
    const first = (await list({ q: tag })).json();
    expect(first.items).toHaveLength(20);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await list({ q: tag, cursor: first.nextCursor })).json();
    expect(second.items).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
  });

  it('when the last page is exactly full, then its nextCursor is null', async () => {
    const tag = token();
    for (let i = 0; i < 4; i++) await createProduct(ctx.db, { name: `Exact ${tag} ${i}` });
    const { ids, pages } = await walk({ q: tag, limit: 2 });
    expect(ids).toHaveLength(4);
    expect(pages).toBe(2);
  });

  it('when products share a created_at (one transaction), then pages still split them exactly', async () => {
    const tag = token();
    const created = await ctx.db.transaction(async (tx) => {
      const rows = [];
      for (let i = 0; i < 10; i++)
        rows.push(await insertProduct(tx, newProduct(`Tie ${tag} ${i}`)));
      return rows;
    });
    const { ids } = await walk({ q: tag, limit: 3 });
    expect(ids).toEqual(created.map((product) => product.id).sort());
  });

  it('when rows are inserted while a client walks the pages, then no duplicates and no gaps', async () => {
    const tag = token();
    const initial: string[] = [];
    for (let i = 0; i < 40; i++) {
      initial.push((await createProduct(ctx.db, { name: `Walk ${tag} ${i}` })).id);
    }
    let inserted = 0;
    const { ids } = await walk({ q: tag, limit: 7 }, () =>
      Promise.all(
        Array.from({ length: 3 }, () =>
          createProduct(ctx.db, { name: `Walk ${tag} new ${inserted++}` }),
        ),
      ),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, initial.length)).toEqual(initial);
    expect(inserted).toBeGreaterThan(0);
  });

  it('when a product is archived mid-walk, then the walk neither repeats nor skips others', async () => {
    const tag = token();
    const initial: string[] = [];
    for (let i = 0; i < 9; i++) {
      initial.push((await createProduct(ctx.db, { name: `Arch ${tag} ${i}` })).id);
    }
    const first = (await list({ q: tag, limit: 3 })).json();
    // The cursor now points at an archived row; a later row is archived too.
    await archiveLiveProduct(ctx.db, initial[2]!);
    await archiveLiveProduct(ctx.db, initial[5]!);
    const rest = await walk({ q: tag, limit: 3, cursor: first.nextCursor });
    expect([...first.items.map((item: { id: string }) => item.id), ...rest.ids]).toEqual(
      initial.filter((_, index) => index !== 5),
    );
  });

  it.each([0, 101, -1, 'abc', 1.5, ''])(
    'when limit is %j, then 400 VALIDATION_FAILED',
    async (limit) => {
      expectProblem(await list({ limit }), 400, 'VALIDATION_FAILED');
    },
  );

  it.each([
    ['not base64url', '!!!'],
    ['not JSON', 'bm90LWpzb24'],
    ['the wrong JSON', base64url({ a: 1 })],
    ['a non-UUID id', base64url([1, 'nope'])],
    ['a fractional position', base64url([1.5, '6f1c1a5e-2d3b-4c4d-8e5f-000000000000'])],
    ['an unsafe position', base64url([1e300, '6f1c1a5e-2d3b-4c4d-8e5f-000000000000'])],
    ['too long', 'a'.repeat(201)],
  ])('when the cursor is %s, then 400 VALIDATION_FAILED on cursor', async (_label, cursor) => {
    const problem = expectProblem(await list({ cursor }), 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual([expect.objectContaining({ path: 'cursor' })]);
  });

  it.each([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER])(
    'when a well-formed cursor points far away (%d), then 200',
    async (position) => {
      const res = await list({
        cursor: base64url([position, '6f1c1a5e-2d3b-4c4d-8e5f-000000000000']),
      });
      expect(res.statusCode).toBe(200);
    },
  );

  it('when an unknown query parameter is sent, then 400 VALIDATION_FAILED', async () => {
    expectProblem(await list({ sort: 'name' }), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /products?q', () => {
  it('when q differs in case from the name, then the product is found as a substring', async () => {
    const tag = token();
    const product = await createProduct(ctx.db, { name: `Blue TEAPOT ${tag} deluxe` });
    await createProduct(ctx.db, { name: `Blue kettle ${tag}` });
    const res = await list({ q: `teaPot ${tag.toUpperCase()}` });
    expect(res.json().items.map((item: { id: string }) => item.id)).toEqual([product.id]);
  });

  it.each([
    ['%', ['100% cotton', '100 cotton'], ['100% cotton']],
    ['_', ['a_b', 'axb'], ['a_b']],
    ['\\', ['back\\slash', 'backslash'], ['back\\slash']],
  ])('when q contains %s, then it matches only itself', async (special, names, expected) => {
    const tag = token();
    for (const name of names) await createProduct(ctx.db, { name: `${tag} ${name}` });
    const query = `${tag} ${expected[0]!.slice(0, expected[0]!.indexOf(special) + 1)}`;
    const found = (await list({ q: query }))
      .json()
      .items.map((item: { name: string }) => item.name);
    expect(found).toEqual(expected.map((name) => `${tag} ${name}`));
  });

  it('when q is empty, then every live product is listed', async () => {
    const all = await walk({ limit: 100 });
    const filtered = await walk({ limit: 100, q: '' });
    expect(filtered.ids).toEqual(all.ids);
  });

  it('when q matches nothing, then an empty page with a null cursor', async () => {
    expect((await list({ q: token() })).json()).toEqual({ items: [], nextCursor: null });
  });
});

function newProduct(name: string) {
  return { sku: null, name, description: null, priceCents: 100, currency: 'USD', stock: 1 };
}
