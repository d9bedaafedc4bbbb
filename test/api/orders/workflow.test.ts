import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderStatuses, type OrderStatus } from '../../../src/domain/orders/order.js';
import { allowedTransitions } from '../../../src/domain/orders/transitions.js';
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

const missingId = '6f1c1a5e-2d3b-4c4d-8e5f-000000000000';
const shipment = { carrier: 'DHL', trackingNumber: 'JD014600006281' };

/** The shortest path from pending to each status, as the worker or an admin would walk it. */
const pathTo: Record<OrderStatus, OrderStatus[]> = {
  pending: [],
  confirmed: ['confirmed'],
  shipped: ['confirmed', 'shipped'],
  delivered: ['confirmed', 'shipped', 'delivered'],
  cancelled: ['cancelled'],
  expired: ['expired'],
};

/** Moves an order through the database's own transition function, as the worker does. */
async function moveTo(orderId: string, status: OrderStatus) {
  for (const to of pathTo[status]) {
    const reason = to === 'expired' ? 'expired' : to === 'cancelled' ? 'customer' : null;
    await ctx.db.query(sql.unsafe`
      SELECT * FROM transition_orders(
        ARRAY[${orderId}::uuid], ARRAY[${to}::text], 'system', ARRAY[${reason}::text],
        ARRAY[gen_random_uuid()], ARRAY[NULL::text], ARRAY[NULL::text], 'UPS', '1Z999')`);
  }
}

async function orderIn(status: OrderStatus) {
  const product = await createProduct(ctx.db, { stock: 10 });
  const order = await placeOrder(ctx.app, owner, [{ productId: product.id, quantity: 4 }]);
  await moveTo(order.id, status);
  return { order, product };
}

const actions = {
  cancel: { to: 'cancelled', body: undefined },
  ship: { to: 'shipped', body: shipment },
  deliver: { to: 'delivered', body: undefined },
} as const;
type Action = keyof typeof actions;

function act(action: Action, orderId: string, as?: SignedIn) {
  const { body } = actions[action];
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/orders/${orderId}/${action}`,
    headers: as?.headers ?? {},
    ...(body ? { payload: body } : {}),
  });
}

function history(orderId: string, as: SignedIn) {
  return ctx.app.inject({
    method: 'GET',
    url: `/api/v1/orders/${orderId}/history`,
    headers: as.headers,
  });
}

async function statusOf(orderId: string) {
  return ctx.db.oneFirst(sql.type(z.object({ status: z.string() }))`
    SELECT status FROM orders WHERE id = ${orderId}`);
}

const roles = ['owner', 'stranger', 'admin'] as const;
type Role = (typeof roles)[number];
const signedIn = (role: Role) => ({ owner, stranger, admin })[role];

/** What the contract answers: only admins ship and deliver; cancel is the owner's or an admin's. */
function expectedAnswer(action: Action, role: Role, from: OrderStatus): number {
  if (action !== 'cancel' && role !== 'admin') return 403;
  if (role === 'stranger') return 404;
  const allowed = allowedTransitions[from] as readonly OrderStatus[];
  return allowed.includes(actions[action].to) ? 200 : 409;
}

const cases = (Object.keys(actions) as Action[]).flatMap((action) =>
  roles.flatMap((role) =>
    orderStatuses.map((from) => ({
      action,
      role,
      from,
      answer: expectedAnswer(action, role, from),
    })),
  ),
);

describe('order transitions over HTTP, per role and status', () => {
  it('when the matrix is built, then it allows each transition the state machine allows and no other', () => {
    const allowedByAdmin = cases
      .filter((c) => c.role === 'admin' && c.answer === 200)
      .map((c) => `${c.from}→${actions[c.action].to}`);
    expect(allowedByAdmin.sort()).toEqual(
      ['confirmed→cancelled', 'confirmed→shipped', 'pending→cancelled', 'shipped→delivered'].sort(),
    );
  });

  it.each(cases)(
    'when the $role tries to $action a $from order, then $answer',
    async ({ action, role, from, answer }) => {
      const { order, product } = await orderIn(from);
      const eventsBefore = await outboxEventsOf(ctx.db, order.id);
      const stockBefore = await stockOf(ctx.db, product.id);

      const res = await act(action, order.id, signedIn(role));

      expect(res.statusCode).toBe(answer);
      const events = await outboxEventsOf(ctx.db, order.id);
      if (answer !== 200) {
        if (answer === 409) {
          expect(expectProblem(res, 409, 'INVALID_ORDER_STATE').orderStatus).toBe(from);
        } else {
          expectProblem(res, answer, answer === 403 ? 'FORBIDDEN' : 'NOT_FOUND');
        }
        expect(await statusOf(order.id)).toBe(from);
        expect(events).toEqual(eventsBefore);
        expect(await stockOf(ctx.db, product.id)).toBe(stockBefore);
        return;
      }
      const to = actions[action].to;
      const moved = res.json().order;
      expect(moved).toMatchObject({ id: order.id, status: to });
      expect(await statusOf(order.id)).toBe(to);
      // One new event, order.<status>, carrying the order as answered and who moved it.
      expect(events.slice(0, -1)).toEqual(eventsBefore);
      expect(events.at(-1)).toMatchObject({
        type: `order.${to}`,
        payload: {
          version: 2,
          order: moved,
          from,
          actor: role === 'admin' ? 'admin' : 'user',
          reason: action === 'cancel' ? (role === 'admin' ? 'admin' : 'customer') : null,
        },
      });
      expect(await stockOf(ctx.db, product.id)).toBe(action === 'cancel' ? 10 : 6);
      if (action === 'ship') expect(moved.shipment).toEqual(shipment);
      const entries = (await history(order.id, owner)).json().items;
      expect(entries.at(-1)).toMatchObject({
        status: to,
        actor: role === 'admin' ? 'admin' : 'user',
      });
    },
  );

  it('when an order does not exist, then ship and deliver answer 404', async () => {
    expectProblem(await act('ship', missingId, admin), 404, 'NOT_FOUND');
    expectProblem(await act('deliver', missingId, admin), 404, 'NOT_FOUND');
  });

  it('when there is no token, then 401; when the shipment is incomplete or has extra fields, then 400 and nothing changes', async () => {
    const { order } = await orderIn('confirmed');
    expectProblem(await act('ship', order.id), 401, 'UNAUTHENTICATED');
    expectProblem(await act('deliver', order.id), 401, 'UNAUTHENTICATED');
    for (const payload of [
      {},
      { carrier: 'DHL' },
      { carrier: '', trackingNumber: 'x' },
      { carrier: 'DHL', trackingNumber: 'x'.repeat(101) },
      { ...shipment, note: 'fragile' },
    ]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${order.id}/ship`,
        headers: admin.headers,
        payload,
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    }
    expect(await statusOf(order.id)).toBe('confirmed');
  });

  it('when two admins ship the same order at once, then one 200 and one 409', async () => {
    const { order } = await orderIn('confirmed');
    const answers = await Promise.all([act('ship', order.id, admin), act('ship', order.id, admin)]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([200, 409]);
    const events = await outboxEventsOf(ctx.db, order.id);
    expect(events.filter((event) => event.type === 'order.shipped')).toHaveLength(1);
  });
});

describe('GET /orders/{id}/history', () => {
  it('when an order went all the way, then its history lists each status once, oldest first, with actor and reason', async () => {
    const { order } = await orderIn('confirmed');
    expect((await act('ship', order.id, admin)).statusCode).toBe(200);
    expect((await act('deliver', order.id, admin)).statusCode).toBe(200);

    const res = await history(order.id, owner);

    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'confirmed',
      'shipped',
      'delivered',
    ]);
    expect(items).toEqual([
      { status: 'pending', at: expect.any(String), actor: 'user', reason: null },
      { status: 'confirmed', at: expect.any(String), actor: 'system', reason: null },
      { status: 'shipped', at: expect.any(String), actor: 'admin', reason: null },
      { status: 'delivered', at: expect.any(String), actor: 'admin', reason: null },
    ]);
    const times = items.map((entry: { at: string }) => Date.parse(entry.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items[0].at).toBe(order.createdAt);
  });

  it('when the owner cancels, then the history ends with cancelled by the user for reason customer', async () => {
    const { order } = await orderIn('pending');
    await act('cancel', order.id, owner);
    expect((await history(order.id, owner)).json().items.at(-1)).toMatchObject({
      status: 'cancelled',
      actor: 'user',
      reason: 'customer',
    });
  });

  it('when the owner or an admin asks, then 200 with the same history; anyone else gets the 404 of a missing order', async () => {
    const { order } = await orderIn('expired');

    const mine = await history(order.id, owner);
    const asAdmin = await history(order.id, admin);
    const asStranger = await history(order.id, stranger);
    const missing = await history(missingId, stranger);

    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((entry: { status: string }) => entry.status)).toEqual([
      'pending',
      'expired',
    ]);
    expect(mine.json().items[1]).toMatchObject({ actor: 'system', reason: 'expired' });
    expect(asAdmin.statusCode).toBe(200);
    expect(asAdmin.json()).toEqual(mine.json());
    const hidden = expectProblem(asStranger, 404, 'NOT_FOUND');
    const absent = expectProblem(missing, 404, 'NOT_FOUND');
    expect({ ...hidden, requestId: null }).toEqual({ ...absent, requestId: null });
  });

  it('when the id is not a uuid or there is no token, then 400 or 401', async () => {
    expectProblem(await history('not-a-uuid', owner), 400, 'VALIDATION_FAILED');
    const anonymous = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/orders/${missingId}/history`,
    });
    expectProblem(anonymous, 401, 'UNAUTHENTICATED');
  });
});
