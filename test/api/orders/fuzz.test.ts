import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { statusByCode } from '../../../src/api/problem.js';
import { orderSchema } from '../../../src/domain/orders/order.js';
import { useTestApp } from '../../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';
import { placeOrder } from './orders.js';

const ctx = useTestApp();
const numRuns = 500;
const callers: (SignedIn | null)[] = [];
const productIds: string[] = [];
const orderIds: string[] = [];
const cursors: string[] = [];

beforeAll(async () => {
  const [alice, bob] = [await registerAndLogIn(ctx.app), await registerAndLogIn(ctx.app)];
  callers.push(alice, bob, await createAdmin(ctx.app, ctx.db), null);
  for (const currency of ['USD', 'USD', 'USD', 'EUR']) {
    productIds.push((await createProduct(ctx.db, { currency, stock: 200 })).id);
  }
  for (let i = 0; i < 6; i++) {
    const order = await placeOrder(ctx.app, i % 2 ? alice : bob, [
      { productId: productIds[i % 3]!, quantity: 1 },
    ]);
    orderIds.push(order.id);
  }
  const page = await ctx.app.inject({
    method: 'GET',
    url: '/api/v1/orders?limit=2',
    headers: alice.headers,
  });
  cursors.push(page.json().nextCursor);
}, 60_000);

const problemShape = z.strictObject({
  type: z.literal('about:blank'),
  title: z.string().min(1),
  status: z.int(),
  code: z.enum(Object.keys(statusByCode) as [string, ...string[]]),
  detail: z.string(),
  requestId: z.string().min(1),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  productIds: z.array(z.uuid()).optional(),
  currencies: z.array(z.string()).optional(),
  shortages: z
    .array(z.strictObject({ productId: z.uuid(), requested: z.int(), available: z.int() }))
    .optional(),
  orderStatus: z.string().optional(),
});

/** Never a 5xx; errors are problem+json with a status matching their code; successes parse. */
function expectDocumented(res: LightMyRequestResponse, success: z.ZodType, ok: number) {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (res.statusCode === ok) {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    success.parse(res.json());
    return;
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemShape.parse(res.json());
  expect(problem.status).toBe(res.statusCode);
  expect(statusByCode[problem.code as keyof typeof statusByCode]).toBe(res.statusCode);
  expect(problem.requestId).toBe(res.headers['x-request-id']);
}

const orderBody = z.strictObject({ order: orderSchema });
const pageBody = z.strictObject({ items: z.array(orderSchema), nextCursor: z.string().nullable() });

const caller = () => fc.constantFrom(...callers);
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)),
  maxLength: 300,
});
const knownProductId = () => fc.constantFrom(...productIds);
const anyId = () =>
  fc.oneof(
    fc.constantFrom(...orderIds),
    fc.uuid(),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('', '..', '%', 'null', '00000000-0000-0000-0000-000000000000'),
  );
const line = () =>
  fc.record(
    {
      productId: fc.oneof(knownProductId(), fc.uuid(), fc.string(), fc.integer()),
      quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer(), fc.double(), fc.string()),
    },
    { requiredKeys: [] },
  );
const orderPayload = () =>
  fc.oneof(
    fc.record({
      items: fc.array(
        fc.record({ productId: knownProductId(), quantity: fc.integer({ min: 1, max: 3 }) }),
        { minLength: 1, maxLength: 3 },
      ),
    }),
    fc.record({ items: fc.array(line(), { maxLength: 55 }) }),
    fc.dictionary(fc.string(), fc.jsonValue()),
    fc.jsonValue(),
    fc.constant(undefined),
  );

function send(
  method: 'GET' | 'POST',
  url: string,
  as: SignedIn | null,
  payload?: unknown,
  headers: Record<string, string> = {},
) {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  return ctx.app.inject({
    method,
    url,
    headers: {
      ...(as?.headers ?? {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: body }),
  });
}

describe('fuzzing the order routes', { timeout: 300_000 }, () => {
  it('when POST /orders gets arbitrary bodies and headers, then never a 5xx and only documented shapes', async () => {
    await fc.assert(
      fc.asyncProperty(
        caller(),
        orderPayload(),
        fc.option(fc.oneof(headerText, fc.constantFrom('k1', 'k2')), { nil: undefined }),
        fc.option(headerText, { nil: undefined }),
        async (as, payload, key, traceparent) => {
          const headers: Record<string, string> = {};
          if (key !== undefined) headers['idempotency-key'] = key;
          if (traceparent !== undefined) headers.traceparent = traceparent;
          expectDocumented(
            await send('POST', '/api/v1/orders', as, payload, headers),
            orderBody,
            201,
          );
        },
      ),
      { numRuns },
    );
  });

  it('when GET /orders/{id} gets arbitrary ids, then never a 5xx and only documented shapes', async () => {
    await fc.assert(
      fc.asyncProperty(caller(), anyId(), async (as, id) => {
        const res = await send('GET', `/api/v1/orders/${encodeURIComponent(id)}`, as);
        expectDocumented(res, orderBody, 200);
      }),
      { numRuns },
    );
  });

  it('when GET /orders gets arbitrary queries, then never a 5xx and only documented shapes', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer({ min: -5, max: 200 }).map(String),
      fc.constantFrom(...cursors, 'pending', 'confirmed', 'cancelled'),
      fc.constantFrom(...callers.flatMap((as) => (as ? [as.userId] : []))),
      fc.uuid(),
      fc.jsonValue().map((json) => Buffer.from(JSON.stringify(json) ?? '').toString('base64url')),
      fc
        .tuple(fc.integer(), fc.uuid())
        .map((tuple) => Buffer.from(JSON.stringify(tuple)).toString('base64url')),
    );
    const query = fc.dictionary(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'status', 'userId'), fc.string({ maxLength: 8 })),
      fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })),
      { maxKeys: 4 },
    );
    await fc.assert(
      fc.asyncProperty(caller(), query, async (as, params) => {
        const res = await ctx.app.inject({
          method: 'GET',
          url: '/api/v1/orders',
          query: params,
          headers: as?.headers ?? {},
        });
        expectDocumented(res, pageBody, 200);
      }),
      { numRuns },
    );
  });

  it('when POST /orders/{id}/cancel gets arbitrary ids and bodies, then never a 5xx and only documented shapes', async () => {
    await fc.assert(
      fc.asyncProperty(
        caller(),
        anyId(),
        fc.option(fc.jsonValue(), { nil: undefined }),
        async (as, id, payload) => {
          const res = await send(
            'POST',
            `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
            as,
            payload,
          );
          expectDocumented(res, orderBody, 200);
        },
      ),
      { numRuns },
    );
  });
});
