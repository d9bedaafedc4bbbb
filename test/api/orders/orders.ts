import type { FastifyInstance } from 'fastify';
import { sql, type CommonQueryMethods } from 'slonik';
import { expect } from 'vitest';
import { z } from 'zod';
import { orderSchema } from '../../../src/domain/orders/order.js';
import type { SignedIn } from '../../helpers/auth.js';

export interface Line {
  productId: string;
  quantity: number;
}

export function postOrder(
  app: FastifyInstance,
  user: SignedIn,
  items: Line[],
  headers: Record<string, string> = {},
) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { ...user.headers, ...headers },
    payload: { items },
  });
}

/** Places an order that must succeed and returns it, checked against the documented shape. */
export async function placeOrder(app: FastifyInstance, user: SignedIn, items: Line[]) {
  const res = await postOrder(app, user, items);
  expect(res.statusCode).toBe(201);
  return orderSchema.parse(res.json().order);
}

export function stockOf(db: CommonQueryMethods, productId: string): Promise<number> {
  return db.oneFirst(
    sql.type(z.object({ stock: z.number() }))`SELECT stock FROM products WHERE id = ${productId}`,
  );
}

export async function rowCounts(db: CommonQueryMethods) {
  return db.one(sql.type(
    z.object({ orders: z.number(), lines: z.number(), events: z.number(), keys: z.number() }),
  )`
    SELECT (SELECT count(*) FROM orders)::int AS orders,
           (SELECT count(*) FROM order_items)::int AS lines,
           (SELECT count(*) FROM outbox)::int AS events,
           (SELECT count(*) FROM idempotency_keys)::int AS keys`);
}

const outboxRow = z.object({
  type: z.string(),
  payload: z.any(),
  traceparent: z.string().nullable(),
  tracestate: z.string().nullable(),
});

export function outboxEventsOf(db: CommonQueryMethods, orderId: string) {
  return db.any(sql.type(outboxRow)`
    SELECT event_type AS type, payload, traceparent, tracestate
    FROM outbox WHERE aggregate_id = ${orderId} ORDER BY created_at`);
}
