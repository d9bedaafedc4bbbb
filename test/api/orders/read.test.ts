import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderSchema } from '../../../src/domain/orders/order.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';
import { placeOrder } from './orders.js';

const ctx = useTestApp();
let alice: SignedIn;
let bob: SignedIn;
let admin: SignedIn;
let productId: string;

beforeAll(async () => {
  alice = await registerAndLogIn(ctx.app, 'alice');
  bob = await registerAndLogIn(ctx.app, 'bob');
  admin = await createAdmin(ctx.app, ctx.db);
  productId = (await createProduct(ctx.db, { stock: 1_000_000 })).id;
});

const missingId = '6f1c1a5e-2d3b-4c4d-8e5f-000000000000';

const order = (user: SignedIn, quantity = 1) =>
  placeOrder(ctx.app, user, [{ productId, quantity }]);

function get(url: string, as?: SignedIn) {
  return ctx.app.inject({ method: 'GET', url, headers: as?.headers ?? {} });
}

function list(query: Record<string, string | number>, as: SignedIn) {
  return ctx.app.inject({
    method: 'GET',
    url: '/api/v1/orders',
    query: Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)])),
    headers: as.headers,
  });
}

/** Follows nextCursor to the end; `between` runs after each page (e.g. to insert rows). */
async function allPages(
  query: Record<string, string | number>,
  as: SignedIn,
  between: () => Promise<unknown> = async () => {},
) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await list(cursor ? { ...query, cursor } : query, as);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    ids.push(...page.items.map((item: { id: string }) => item.id));
    cursor = page.nextCursor;
    await between();
  } while (cursor);
  return ids;
}

describe('GET /orders/{id}', () => {
  it('when the owner asks, then 200 with the order', async () => {
    const placed = await order(alice, 2);
    const res = await get(`/api/v1/orders/${placed.id}`, alice);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ order: placed });
  });

  it("when another user asks for someone's order, then 404 exactly like a missing order", async () => {
    const placed = await order(alice);
    const foreign = expectProblem(await get(`/api/v1/orders/${placed.id}`, bob), 404, 'NOT_FOUND');
    const missing = expectProblem(await get(`/api/v1/orders/${missingId}`, bob), 404, 'NOT_FOUND');
    expect({ ...foreign, requestId: null }).toEqual({ ...missing, requestId: null });
  });

  it('when an admin asks, then 200 with any order', async () => {
    const placed = await order(alice);
    const res = await get(`/api/v1/orders/${placed.id}`, admin);
    expect(res.json()).toEqual({ order: placed });
  });

  it('when the id is not a uuid, then 400; without a token, then 401', async () => {
    expectProblem(await get('/api/v1/orders/123', alice), 400, 'VALIDATION_FAILED');
    expectProblem(await get(`/api/v1/orders/${missingId}`), 401, 'UNAUTHENTICATED');
  });
});

describe('GET /orders', () => {
  it('when a user lists, then only their own orders, newest first, in the documented shape', async () => {
    const carol = await registerAndLogIn(ctx.app, 'carol');
    const first = await order(carol);
    await order(bob);
    const second = await order(carol);

    const res = await list({}, carol);

    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toEqual({ items: [second, first], nextCursor: null });
    for (const item of page.items) orderSchema.parse(item);
  });

  it('when pages are followed while orders are being placed, then every earlier order appears exactly once, in order', async () => {
    const dave = await registerAndLogIn(ctx.app, 'dave');
    const existing: string[] = [];
    for (let i = 0; i < 7; i++) existing.unshift((await order(dave)).id);

    const seen = await allPages({ limit: 3 }, dave, () => order(dave));

    expect(seen.filter((id) => existing.includes(id))).toEqual(existing);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('when orders share a created_at, then the id breaks the tie and no page loses or repeats one', async () => {
    const erin = await registerAndLogIn(ctx.app, 'erin');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await order(erin)).id);
    await ctx.db.query(sql.unsafe`
      UPDATE orders SET created_at = '2030-01-01T00:00:00.123456Z' WHERE user_id = ${erin.userId}`);

    const seen = await allPages({ limit: 2 }, erin);

    expect(seen).toEqual([...ids].sort().reverse());
  });

  it('when filtered by status, then only orders in that status', async () => {
    const frank = await registerAndLogIn(ctx.app, 'frank');
    const kept = await order(frank);
    const dropped = await order(frank);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${dropped.id}/cancel`,
      headers: frank.headers,
    });

    const cancelled = (await list({ status: 'cancelled' }, frank)).json();
    const pending = (await list({ status: 'pending' }, frank)).json();

    expect(cancelled.items.map((item: { id: string }) => item.id)).toEqual([dropped.id]);
    expect(pending.items.map((item: { id: string }) => item.id)).toEqual([kept.id]);
  });

  it("when an admin lists, then everyone's orders, filterable by userId and status", async () => {
    const gina = await registerAndLogIn(ctx.app, 'gina');
    const hank = await registerAndLogIn(ctx.app, 'hank');
    const ginas = [await order(gina), await order(gina)];
    const hanks = await order(hank);
    await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/orders/${ginas[0]!.id}/cancel`,
      headers: gina.headers,
    });

    const everything = await allPages({ limit: 100 }, admin);
    const ofGina = (await list({ userId: gina.userId }, admin)).json();
    const ofGinaPending = (await list({ userId: gina.userId, status: 'pending' }, admin)).json();

    expect(everything).toEqual(expect.arrayContaining([ginas[0]!.id, ginas[1]!.id, hanks.id]));
    const [total] = await ctx.db.any(sql.unsafe`SELECT count(*)::int AS n FROM orders`);
    expect(everything).toHaveLength((total as { n: number }).n);
    expect(ofGina.items.map((item: { id: string }) => item.id)).toEqual([
      ginas[1]!.id,
      ginas[0]!.id,
    ]);
    expect(ofGinaPending.items.map((item: { id: string }) => item.id)).toEqual([ginas[1]!.id]);
  });

  it("when a user filters by someone else's userId, then 403 whether or not that user exists; their own id is fine", async () => {
    await order(alice);
    expectProblem(await list({ userId: bob.userId }, alice), 403, 'FORBIDDEN');
    expectProblem(await list({ userId: missingId }, alice), 403, 'FORBIDDEN');
    const own = await list({ userId: alice.userId }, alice);
    expect(own.statusCode).toBe(200);
    expect(own.json().items.every((item: { userId: string }) => item.userId === alice.userId)).toBe(
      true,
    );
  });

  it.each([
    ['limit 0', { limit: 0 }],
    ['limit 101', { limit: 101 }],
    ['a non-numeric limit', { limit: 'ten' }],
    ['an unknown status', { status: 'lost' }],
    ['a userId that is no uuid', { userId: 'me' }],
    ['an unknown parameter', { sort: 'asc' }],
    ['a cursor with bad characters', { cursor: 'abc$' }],
    ['a cursor that is not base64 JSON', { cursor: 'bm90LWpzb24' }],
    ['a cursor of the wrong JSON shape', { cursor: Buffer.from('[1,2]').toString('base64url') }],
    [
      'a cursor with a fractional time',
      { cursor: Buffer.from(`[1.5,"${missingId}"]`).toString('base64url') },
    ],
  ])('when the query has %s, then 400 VALIDATION_FAILED', async (_, query) => {
    expectProblem(await list(query, alice), 400, 'VALIDATION_FAILED');
  });

  it('when limit is absent, then 20 per page', async () => {
    const ivan = await registerAndLogIn(ctx.app, 'ivan');
    for (let i = 0; i < 21; i++) await order(ivan);
    const page = (await list({}, ivan)).json();
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
  });
});

describe('OpenAPI document', () => {
  it('when the OpenAPI document is read, then every order route answers with the Order schema', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/docs/openapi.json' })).json();
    expect(doc.components.schemas.Order.required).toEqual(
      expect.arrayContaining(['id', 'userId', 'status', 'currency', 'totalCents', 'items']),
    );
    const refs = JSON.stringify([
      doc.paths['/api/v1/orders'].post.responses['201'],
      doc.paths['/api/v1/orders'].get.responses['200'],
      doc.paths['/api/v1/orders/{id}'].get.responses['200'],
      doc.paths['/api/v1/orders/{id}/cancel'].post.responses['200'],
    ]);
    expect(refs.match(/#\/components\/schemas\/(Order|OrderPage)"/g)).toHaveLength(4);
  });
});
