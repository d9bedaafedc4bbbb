import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';

const ctx = useTestApp();
let admin: SignedIn;

beforeAll(async () => {
  admin = await createAdmin(ctx.app, ctx.db);
});

const url = (id: string) => `/api/v1/products/${id}`;
const missingId = '6f1c1a5e-2d3b-4c4d-8e5f-000000000000';

function post(payload: unknown, headers: Record<string, string> = admin.headers) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/products',
    headers,
    payload: payload as object,
  });
}

function patch(id: string, payload: unknown, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: 'PATCH',
    url: url(id),
    headers: { ...admin.headers, ...headers },
    payload: payload as object,
  });
}

describe('POST /products', () => {
  it('when an admin sends a valid body, then 201 with the product, Location and ETag', async () => {
    const res = await post({ name: '  Teapot ', sku: 'TEA-1', priceCents: 2599, stock: 7 });
    expect(res.statusCode).toBe(201);
    const { product } = res.json();
    expect(product).toEqual({
      id: expect.any(String),
      sku: 'TEA-1',
      name: 'Teapot',
      description: null,
      priceCents: 2599,
      currency: 'USD',
      stock: 7,
      version: 1,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: product.createdAt,
    });
    expect(res.headers.location).toBe(url(product.id));
    expect(res.headers.etag).toBe('"1"');
    const fetched = await ctx.app.inject({ method: 'GET', url: res.headers.location as string });
    expect(fetched.json().product).toEqual(product);
  });

  it('when the sku is already used, then 409 SKU_TAKEN', async () => {
    const existing = await createProduct(ctx.db);
    const res = await post({ name: 'Copy', sku: existing.sku, priceCents: 1, stock: 1 });
    expectProblem(res, 409, 'SKU_TAKEN');
  });

  it('when two products have no sku, then both are created', async () => {
    expect((await post({ name: 'A', priceCents: 0, stock: 0 })).statusCode).toBe(201);
    expect((await post({ name: 'B', priceCents: 0, stock: 0, sku: null })).statusCode).toBe(201);
  });

  it.each([
    ['an unknown field', { name: 'x', priceCents: 1, stock: 1, colour: 'red' }],
    ['an empty name', { name: '   ', priceCents: 1, stock: 1 }],
    ['a 201-character name', { name: 'n'.repeat(201), priceCents: 1, stock: 1 }],
    ['a negative price', { name: 'x', priceCents: -1, stock: 1 }],
    ['a fractional price', { name: 'x', priceCents: 1.5, stock: 1 }],
    ['a price beyond the bound', { name: 'x', priceCents: 10_000_000_001, stock: 1 }],
    ['a negative stock', { name: 'x', priceCents: 1, stock: -1 }],
    ['a lower-case currency', { name: 'x', priceCents: 1, stock: 1, currency: 'usd' }],
    ['a made-up currency', { name: 'x', priceCents: 1, stock: 1, currency: 'QQQ' }],
    ['a NUL in the name', { name: 'a\u0000b', priceCents: 1, stock: 1 }],
    ['a missing stock', { name: 'x', priceCents: 1 }],
    ['a string price', { name: 'x', priceCents: '1', stock: 1 }],
  ])('when the body has %s, then 400 VALIDATION_FAILED with errors', async (_label, body) => {
    const problem = expectProblem(await post(body), 400, 'VALIDATION_FAILED');
    expect(problem.errors.length).toBeGreaterThan(0);
  });

  it('when the currency is given, then it is kept', async () => {
    const res = await post({ name: 'Euro thing', priceCents: 100, stock: 1, currency: 'EUR' });
    expect(res.json().product.currency).toBe('EUR');
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/products',
      headers: { ...admin.headers, 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('authorisation of admin routes', () => {
  const body = { name: 'x', priceCents: 1, stock: 1 };

  it('when no token is sent, then 401 on POST, PATCH and DELETE', async () => {
    const product = await createProduct(ctx.db);
    for (const res of [
      await post(body, {}),
      await ctx.app.inject({ method: 'PATCH', url: url(product.id), payload: { stock: 1 } }),
      await ctx.app.inject({ method: 'DELETE', url: url(product.id) }),
    ]) {
      expectProblem(res, 401, 'UNAUTHENTICATED');
    }
  });

  it('when a plain user calls them, then 403 FORBIDDEN and nothing changes', async () => {
    const user = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db);
    for (const res of [
      await post(body, user.headers),
      await ctx.app.inject({
        method: 'PATCH',
        url: url(product.id),
        headers: user.headers,
        payload: { stock: 1 },
      }),
      await ctx.app.inject({ method: 'DELETE', url: url(product.id), headers: user.headers }),
    ]) {
      expectProblem(res, 403, 'FORBIDDEN');
    }
    const fetched = await ctx.app.inject({ method: 'GET', url: url(product.id) });
    expect(fetched.json().product).toEqual(product);
  });

  it('when an anonymous caller sends an invalid body, then 401 before any validation', async () => {
    expectProblem(await post({ colour: 'red' }, {}), 401, 'UNAUTHENTICATED');
  });

  it('when the token is garbage, then 401', async () => {
    expectProblem(await post(body, { authorization: 'Bearer nope' }), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /products/{id}', () => {
  it('when the product is live, then 200 with ETag "<version>"', async () => {
    const product = await createProduct(ctx.db, { description: 'A fine thing' });
    const res = await ctx.app.inject({ method: 'GET', url: url(product.id) });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toEqual({ product });
  });

  it('when the id is unknown, then 404 NOT_FOUND', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: url(missingId) }), 404, 'NOT_FOUND');
  });

  it('when the id is not a UUID, then 400 VALIDATION_FAILED', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: url('not-a-uuid') });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});

describe('PATCH /products/{id}', () => {
  it('when a subset of fields changes, then 200, the rest is kept and the version increments', async () => {
    const product = await createProduct(ctx.db, { description: 'old' });
    const res = await patch(product.id, { priceCents: 1234, description: null });
    expect(res.statusCode).toBe(200);
    const updated = res.json().product;
    expect(updated).toMatchObject({
      ...product,
      priceCents: 1234,
      description: null,
      version: 2,
      updatedAt: expect.any(String),
    });
    expect(Date.parse(updated.updatedAt)).toBeGreaterThanOrEqual(Date.parse(product.updatedAt));
    expect(res.headers.etag).toBe('"2"');
  });

  it('when every field changes at once, then all are stored', async () => {
    const product = await createProduct(ctx.db);
    const changes = {
      name: 'Renamed',
      description: 'New words',
      sku: `NEW-${product.id.slice(0, 8)}`,
      priceCents: 5,
      currency: 'GBP',
      stock: 3,
    };
    const res = await patch(product.id, changes);
    expect(res.json().product).toMatchObject({ ...changes, version: 2 });
  });

  it('when If-Match names the current version, then 200', async () => {
    const product = await createProduct(ctx.db);
    for (const ifMatch of ['"1"', 'W/"2"', '*']) {
      expect((await patch(product.id, { stock: 5 }, { 'if-match': ifMatch })).statusCode).toBe(200);
    }
  });

  it('when If-Match names a stale version, then 412 and nothing changes', async () => {
    const product = await createProduct(ctx.db);
    await patch(product.id, { stock: 1 });
    expectProblem(
      await patch(product.id, { stock: 99 }, { 'if-match': '"1"' }),
      412,
      'PRECONDITION_FAILED',
    );
    const fetched = await ctx.app.inject({ method: 'GET', url: url(product.id) });
    expect(fetched.json().product).toMatchObject({ stock: 1, version: 2 });
  });

  it.each(['1', '"one"', '"1", "2"', '', 'W/1', `"${'9'.repeat(16)}"`])(
    'when If-Match is malformed (%j), then 400 VALIDATION_FAILED',
    async (ifMatch) => {
      const product = await createProduct(ctx.db);
      const res = await patch(product.id, { stock: 2 }, { 'if-match': ifMatch });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    },
  );

  it('when two PATCHes race with the same If-Match, then exactly one 200 and one 412', async () => {
    for (let round = 0; round < 5; round++) {
      const product = await createProduct(ctx.db);
      const results = await Promise.all(
        [10, 20].map((stock) => patch(product.id, { stock }, { 'if-match': '"1"' })),
      );
      expect(results.map((res) => res.statusCode).sort()).toEqual([200, 412]);
      const winner = results.find((res) => res.statusCode === 200)!.json().product;
      const fetched = await ctx.app.inject({ method: 'GET', url: url(product.id) });
      expect(fetched.json().product).toMatchObject({ stock: winner.stock, version: 2 });
    }
  });

  it('when many PATCHes race without If-Match, then every one counts in the version', async () => {
    const product = await createProduct(ctx.db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, stock) => patch(product.id, { stock })),
    );
    expect(results.every((res) => res.statusCode === 200)).toBe(true);
    const versions = results.map((res) => res.json().product.version).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('when the body is empty, then 400 VALIDATION_FAILED', async () => {
    const product = await createProduct(ctx.db);
    expectProblem(await patch(product.id, {}), 400, 'VALIDATION_FAILED');
  });

  it('when the body has an unknown field, then 400 VALIDATION_FAILED', async () => {
    const product = await createProduct(ctx.db);
    expectProblem(await patch(product.id, { stock: 1, version: 9 }), 400, 'VALIDATION_FAILED');
  });

  it('when the new sku belongs to another product, then 409 SKU_TAKEN', async () => {
    const [a, b] = [await createProduct(ctx.db), await createProduct(ctx.db)];
    expectProblem(await patch(a.id, { sku: b.sku }), 409, 'SKU_TAKEN');
  });

  it('when the product is unknown, then 404 with or without If-Match', async () => {
    expectProblem(await patch(missingId, { stock: 1 }), 404, 'NOT_FOUND');
    expectProblem(await patch(missingId, { stock: 1 }, { 'if-match': '"1"' }), 404, 'NOT_FOUND');
  });
});

describe('DELETE /products/{id}', () => {
  it('when an admin deletes, then 204 and the product is archived: not fetched, listed or updatable', async () => {
    const product = await createProduct(ctx.db, { name: `Archivable ${Date.now()}` });
    const res = await ctx.app.inject({
      method: 'DELETE',
      url: url(product.id),
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');

    expectProblem(await ctx.app.inject({ method: 'GET', url: url(product.id) }), 404, 'NOT_FOUND');
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/products?q=${encodeURIComponent(product.name)}`,
    });
    expect(listed.json().items).toEqual([]);
    expectProblem(await patch(product.id, { stock: 1 }), 404, 'NOT_FOUND');
    expectProblem(await patch(product.id, { stock: 1 }, { 'if-match': '"2"' }), 404, 'NOT_FOUND');
  });

  it('when the row is archived, then it still exists in the table (never deleted)', async () => {
    const product = await createProduct(ctx.db);
    await ctx.app.inject({ method: 'DELETE', url: url(product.id), headers: admin.headers });
    const archived = await ctx.db.oneFirst(sql.type(z.object({ archived: z.boolean() }))`
      SELECT archived_at IS NOT NULL AS archived FROM products WHERE id = ${product.id}`);
    expect(archived).toBe(true);
  });

  it('when deleted twice, then the second answer is 404', async () => {
    const product = await createProduct(ctx.db);
    const del = () =>
      ctx.app.inject({ method: 'DELETE', url: url(product.id), headers: admin.headers });
    expect((await del()).statusCode).toBe(204);
    expectProblem(await del(), 404, 'NOT_FOUND');
  });

  it('when the id is not a UUID, then 400', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: url('x'), headers: admin.headers });
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });
});
