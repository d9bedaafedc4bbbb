import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';
import { outboxEventsOf, placeOrder, stockOf } from './orders.js';

const ctx = useTestApp();
let owner: SignedIn;
let stranger: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  owner = await registerAndLogIn(ctx.app, 'owner');
  stranger = await registerAndLogIn(ctx.app, 'stranger');
  admin = await createAdmin(ctx.app, ctx.db);
});

function cancel(orderId: string, as: SignedIn, headers: Record<string, string> = {}) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/orders/${orderId}/cancel`,
    headers: { ...as.headers, ...headers },
  });
}

async function orderOfTwoProducts() {
  const a = await createProduct(ctx.db, { stock: 10 });
  const b = await createProduct(ctx.db, { stock: 10 });
  const order = await placeOrder(ctx.app, owner, [
    { productId: a.id, quantity: 3 },
    { productId: b.id, quantity: 5 },
  ]);
  return { order, a, b };
}

describe('POST /orders/{id}/cancel', () => {
  it('when the owner cancels a pending order, then 200 cancelled, stock restored and order.cancelled in the outbox', async () => {
    const { order, a, b } = await orderOfTwoProducts();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

    const res = await cancel(order.id, owner, { traceparent });

    expect(res.statusCode).toBe(200);
    const cancelled = res.json().order;
    expect(cancelled).toEqual({
      ...order,
      status: 'cancelled',
      updatedAt: expect.stringMatching(/Z$/),
    });
    expect(await stockOf(ctx.db, a.id)).toBe(10);
    expect(await stockOf(ctx.db, b.id)).toBe(10);
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.map((event) => event.type)).toEqual(['order.created', 'order.cancelled']);
    expect(events[1]).toMatchObject({
      payload: { version: 2, order: cancelled, from: 'pending', actor: 'user', reason: 'customer' },
      traceparent,
      tracestate: null,
    });
  });

  it('when the order is already cancelled, then 409 INVALID_ORDER_STATE and stock is not restored twice', async () => {
    const { order, a } = await orderOfTwoProducts();
    expect((await cancel(order.id, owner)).statusCode).toBe(200);

    const again = await cancel(order.id, owner);

    const problem = expectProblem(again, 409, 'INVALID_ORDER_STATE');
    expect(problem.orderStatus).toBe('cancelled');
    expect(await stockOf(ctx.db, a.id)).toBe(10);
    expect(await outboxEventsOf(ctx.db, order.id)).toHaveLength(2);
  });

  it('when the order is confirmed, then it can still be cancelled', async () => {
    const { order, a } = await orderOfTwoProducts();
    await ctx.db.query(sql.unsafe`UPDATE orders SET status = 'confirmed' WHERE id = ${order.id}`);
    const res = await cancel(order.id, owner);
    expect(res.statusCode).toBe(200);
    expect(res.json().order.status).toBe('cancelled');
    expect(await stockOf(ctx.db, a.id)).toBe(10);
  });

  it("when another user cancels someone's order, then 404 exactly like a missing order and nothing changes", async () => {
    const { order, a } = await orderOfTwoProducts();

    const res = await cancel(order.id, stranger);
    const missing = await cancel('6f1c1a5e-2d3b-4c4d-8e5f-000000000000', stranger);

    const problem = expectProblem(res, 404, 'NOT_FOUND');
    const missingProblem = expectProblem(missing, 404, 'NOT_FOUND');
    expect({ ...problem, requestId: null }).toEqual({ ...missingProblem, requestId: null });
    expect(await stockOf(ctx.db, a.id)).toBe(7);
    const fetched = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${order.id}`,
      headers: owner.headers,
    });
    expect(fetched.json().order.status).toBe('pending');
  });

  it("when another user's order was cancelled, then they still get 404, not 409", async () => {
    const { order } = await orderOfTwoProducts();
    await cancel(order.id, owner);
    expectProblem(await cancel(order.id, stranger), 404, 'NOT_FOUND');
  });

  it("when an admin cancels a user's order, then 200 and stock is restored", async () => {
    const { order, b } = await orderOfTwoProducts();
    const res = await cancel(order.id, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json().order.userId).toBe(owner.userId);
    expect(await stockOf(ctx.db, b.id)).toBe(10);
  });

  it('when the id is not a uuid or there is no token, then 400 or 401', async () => {
    expectProblem(await cancel('not-a-uuid', owner), 400, 'VALIDATION_FAILED');
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/orders/6f1c1a5e-2d3b-4c4d-8e5f-000000000000/cancel',
    });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
  });

  it('when two cancels race, then one 200 and one 409, and the stock is restored once', async () => {
    for (let round = 0; round < 5; round++) {
      const { order, a, b } = await orderOfTwoProducts();

      const answers = await Promise.all([cancel(order.id, owner), cancel(order.id, admin)]);

      expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409]);
      expect(await stockOf(ctx.db, a.id)).toBe(10);
      expect(await stockOf(ctx.db, b.id)).toBe(10);
      const events = await outboxEventsOf(ctx.db, order.id);
      expect(events.filter((event) => event.type === 'order.cancelled')).toHaveLength(1);
    }
  });

  it('when a cancel races with new orders for the same products, then stock is conserved', async () => {
    const { order, a, b } = await orderOfTwoProducts();
    const lines = [
      { productId: b.id, quantity: 1 },
      { productId: a.id, quantity: 1 },
    ];
    const answers = await Promise.all([
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: owner.headers,
        payload: { items: lines },
      }),
      cancel(order.id, owner),
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: stranger.headers,
        payload: { items: [...lines].reverse() },
      }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([201, 200, 201]);
    expect(await stockOf(ctx.db, a.id)).toBe(8);
    expect(await stockOf(ctx.db, b.id)).toBe(8);
  });
});
