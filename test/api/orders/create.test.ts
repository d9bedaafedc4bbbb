import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventColumns } from '../../../src/db/outbox.js';
import { orderEventSchema } from '../../../src/domain/orders/events.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';
import { outboxEventsOf, postOrder, rowCounts, stockOf } from './orders.js';

const ctx = useTestApp();
let user: SignedIn;

beforeAll(async () => {
  user = await registerAndLogIn(ctx.app);
});

const missingId = '6f1c1a5e-2d3b-4c4d-8e5f-000000000000';

describe('POST /orders', () => {
  it('when a user orders in-stock products, then 201 with the priced order, Location and the stock taken', async () => {
    const kettle = await createProduct(ctx.db, { name: 'Kettle', priceCents: 2500, stock: 10 });
    const mug = await createProduct(ctx.db, { name: 'Mug', priceCents: 799, stock: 3 });
    const res = await postOrder(ctx.app, user, [
      { productId: kettle.id, quantity: 2 },
      { productId: mug.id, quantity: 3 },
    ]);

    expect(res.statusCode).toBe(201);
    const { order } = res.json();
    expect(order).toEqual({
      id: expect.any(String),
      userId: user.userId,
      status: 'pending',
      currency: 'USD',
      totalCents: 2 * 2500 + 3 * 799,
      items: [
        {
          productId: kettle.id,
          name: 'Kettle',
          quantity: 2,
          unitPriceCents: 2500,
          lineTotalCents: 5000,
        },
        { productId: mug.id, name: 'Mug', quantity: 3, unitPriceCents: 799, lineTotalCents: 2397 },
      ].sort((a, b) => (a.productId < b.productId ? -1 : 1)),
      shipment: null,
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: order.createdAt,
    });
    expect(res.headers.location).toBe(`/api/v1/orders/${order.id}`);
    expect(res.headers['idempotency-replayed']).toBeUndefined();
    expect(await stockOf(ctx.db, kettle.id)).toBe(8);
    expect(await stockOf(ctx.db, mug.id)).toBe(0);

    const fetched = await ctx.app.inject({
      method: 'GET',
      url: res.headers.location as string,
      headers: user.headers,
    });
    expect(fetched.json().order).toEqual(order);
  });

  it('when an order is placed, then one order.created outbox event carries its snapshot and the trace context', async () => {
    const product = await createProduct(ctx.db);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await postOrder(ctx.app, user, [{ productId: product.id, quantity: 1 }], {
      traceparent,
      tracestate: 'vendor=value',
    });
    const { order } = res.json();

    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events).toEqual([
      {
        type: 'order.created',
        payload: { version: 2, order, from: null, actor: 'user', reason: null },
        traceparent,
        tracestate: 'vendor=value',
      },
    ]);
    const [row] = await ctx.db.any(sql.unsafe`
      SELECT ${eventColumns} FROM outbox WHERE aggregate_id = ${order.id}`);
    expect(orderEventSchema.safeParse(row).success).toBe(true);
  });

  it('when the traceparent is malformed, then the order is placed and its event has no trace context', async () => {
    const product = await createProduct(ctx.db);
    const res = await postOrder(ctx.app, user, [{ productId: product.id, quantity: 1 }], {
      traceparent: 'not-a-trace',
      tracestate: 'vendor=value',
    });
    expect(res.statusCode).toBe(201);
    const [event] = await outboxEventsOf(ctx.db, res.json().order.id);
    expect(event).toMatchObject({ traceparent: null, tracestate: null });
  });

  it('when a product id is written in upper case, then it is the same product', async () => {
    const product = await createProduct(ctx.db);
    const res = await postOrder(ctx.app, user, [
      { productId: product.id.toUpperCase(), quantity: 1 },
    ]);
    expect(res.statusCode).toBe(201);
    expect(res.json().order.items[0].productId).toBe(product.id);
  });

  it.each([
    ['no items', { items: [] }],
    [
      'more than 50 items',
      { items: Array.from({ length: 51 }, () => ({ productId: missingId, quantity: 1 })) },
    ],
    [
      'a repeated productId',
      {
        items: [
          { productId: missingId, quantity: 1 },
          { productId: missingId.toUpperCase(), quantity: 2 },
        ],
      },
    ],
    ['quantity 0', { items: [{ productId: missingId, quantity: 0 }] }],
    ['quantity 1001', { items: [{ productId: missingId, quantity: 1001 }] }],
    ['a fractional quantity', { items: [{ productId: missingId, quantity: 1.5 }] }],
    ['a quantity as a string', { items: [{ productId: missingId, quantity: '1' }] }],
    ['a productId that is no uuid', { items: [{ productId: 'abc', quantity: 1 }] }],
    ['an unknown field on a line', { items: [{ productId: missingId, quantity: 1, price: 1 }] }],
    [
      'an unknown top-level field',
      { items: [{ productId: missingId, quantity: 1 }], userId: missingId },
    ],
    ['no body', undefined],
  ])(
    'when the body has %s, then 400 VALIDATION_FAILED and nothing is written',
    async (_, payload) => {
      const before = await rowCounts(ctx.db);
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: user.headers,
        ...(payload === undefined ? {} : { payload }),
      });
      const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problem.errors.length).toBeGreaterThan(0);
      expect(await rowCounts(ctx.db)).toEqual(before);
    },
  );

  it('when the body is not JSON, then 415', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { ...user.headers, 'content-type': 'text/plain' },
      payload: 'items',
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when there is no valid access token, then 401', async () => {
    const product = await createProduct(ctx.db);
    const payload = { items: [{ productId: product.id, quantity: 1 }] };
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/v1/orders', payload });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/orders',
      headers: { authorization: `Bearer ${user.accessToken}x` },
      payload,
    });
    expectProblem(forged, 401, 'UNAUTHENTICATED');
  });

  it('when products are unknown or archived, then 422 PRODUCT_UNAVAILABLE names them and nothing changes', async () => {
    const admin = await createAdmin(ctx.app, ctx.db);
    const live = await createProduct(ctx.db, { stock: 5 });
    const archived = await createProduct(ctx.db, { stock: 5 });
    const archivedRes = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/products/${archived.id}`,
      headers: admin.headers,
    });
    expect(archivedRes.statusCode).toBe(204);
    const before = await rowCounts(ctx.db);

    const res = await postOrder(ctx.app, user, [
      { productId: live.id, quantity: 1 },
      { productId: archived.id, quantity: 1 },
      { productId: missingId, quantity: 1 },
    ]);

    const problem = expectProblem(res, 422, 'PRODUCT_UNAVAILABLE');
    expect([...problem.productIds].sort()).toEqual([archived.id, missingId].sort());
    expect(await stockOf(ctx.db, live.id)).toBe(5);
    expect(await stockOf(ctx.db, archived.id)).toBe(5);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });

  it('when the products are priced in different currencies, then 422 CURRENCY_MISMATCH', async () => {
    const dollars = await createProduct(ctx.db, { currency: 'USD' });
    const euros = await createProduct(ctx.db, { currency: 'EUR' });
    const before = await rowCounts(ctx.db);
    const res = await postOrder(ctx.app, user, [
      { productId: dollars.id, quantity: 1 },
      { productId: euros.id, quantity: 1 },
    ]);
    const problem = expectProblem(res, 422, 'CURRENCY_MISMATCH');
    expect([...problem.currencies].sort()).toEqual(['EUR', 'USD']);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });

  it('when some lines are short, then 409 INSUFFICIENT_STOCK lists every short line and nothing half-commits', async () => {
    const plenty = await createProduct(ctx.db, { stock: 10 });
    const short = await createProduct(ctx.db, { stock: 2 });
    const empty = await createProduct(ctx.db, { stock: 0 });
    const before = await rowCounts(ctx.db);

    const res = await postOrder(ctx.app, user, [
      { productId: plenty.id, quantity: 4 },
      { productId: short.id, quantity: 3 },
      { productId: empty.id, quantity: 1 },
    ]);

    const problem = expectProblem(res, 409, 'INSUFFICIENT_STOCK');
    expect(problem.detail).toBe('Not enough stock for 2 product(s)');
    expect(problem.shortages).toEqual(
      expect.arrayContaining([
        { productId: short.id, requested: 3, available: 2 },
        { productId: empty.id, requested: 1, available: 0 },
      ]),
    );
    expect(problem.shortages).toHaveLength(2);
    expect(await stockOf(ctx.db, plenty.id)).toBe(10);
    expect(await stockOf(ctx.db, short.id)).toBe(2);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });

  it('when the price changes after an order, then the order keeps the price it was placed at', async () => {
    const admin = await createAdmin(ctx.app, ctx.db);
    const product = await createProduct(ctx.db, { priceCents: 1000 });
    const res = await postOrder(ctx.app, user, [{ productId: product.id, quantity: 2 }]);
    const { order } = res.json();
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/v1/products/${product.id}`,
      headers: admin.headers,
      payload: { priceCents: 5000, name: 'Renamed' },
    });
    expect(patched.statusCode).toBe(200);
    const fetched = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${order.id}`,
      headers: user.headers,
    });
    expect(fetched.json().order).toEqual(order);
  });
});
