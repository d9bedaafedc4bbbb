import { randomUUID } from 'node:crypto';
import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createProduct } from '../../helpers/factories.js';
import { postOrder, rowCounts, stockOf, type Line } from './orders.js';

const ctx = useTestApp();
let user: SignedIn;

beforeAll(async () => {
  user = await registerAndLogIn(ctx.app);
});

/** Two products whose ids sort `first` < `second`, so tests know which line is taken first. */
async function productsInIdOrder(first: { stock: number }, second: { stock: number }) {
  const made = [await createProduct(ctx.db), await createProduct(ctx.db)];
  const [low, high] = made.sort((a, b) => (a.id < b.id ? -1 : 1)) as [
    (typeof made)[0],
    (typeof made)[0],
  ];
  await ctx.db.query(sql.unsafe`
    UPDATE products SET stock = CASE id WHEN ${low.id}::uuid THEN ${first.stock}::int
                                       ELSE ${second.stock}::int END
    WHERE id IN (${low.id}, ${high.id})`);
  return [low, high] as const;
}

/** The whole problem body a client sees, minus the per-request id. */
async function refusalOf(items: Line[], headers: Record<string, string> = {}) {
  const response = await postOrder(ctx.app, user, items, headers);
  const { requestId, ...body } = response.json();
  expect(requestId).toEqual(expect.any(String));
  return { status: response.statusCode, type: response.headers['content-type'], body };
}

describe('POST /orders refusals, one statement', () => {
  it('when the first line in id order fits exactly and the second is short, then only the second is reported, with the stock seen before the order', async () => {
    const [exact, short] = await productsInIdOrder({ stock: 5 }, { stock: 1 });
    const before = await rowCounts(ctx.db);

    expect(
      await refusalOf([
        { productId: short.id, quantity: 2 },
        { productId: exact.id, quantity: 5 },
      ]),
    ).toEqual({
      status: 409,
      type: 'application/problem+json; charset=utf-8',
      body: {
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        detail: 'Not enough stock for 1 product(s)',
        shortages: [{ productId: short.id, requested: 2, available: 1 }],
      },
    });
    expect(await stockOf(ctx.db, exact.id)).toBe(5);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });

  it('when both lines are short, then both are reported in id order', async () => {
    const [a, b] = await productsInIdOrder({ stock: 0 }, { stock: 3 });
    const refusal = await refusalOf([
      { productId: b.id, quantity: 4 },
      { productId: a.id, quantity: 1 },
    ]);
    expect(refusal.body.shortages).toEqual([
      { productId: a.id, requested: 1, available: 0 },
      { productId: b.id, requested: 4, available: 3 },
    ]);
  });

  it('when a product is unknown and another is short, then unavailability wins, as before', async () => {
    const short = await createProduct(ctx.db, { stock: 0 });
    const missing = randomUUID();
    expect(
      (
        await refusalOf([
          { productId: short.id, quantity: 1 },
          { productId: missing, quantity: 1 },
        ])
      ).body,
    ).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'PRODUCT_UNAVAILABLE',
      detail: '1 product(s) do not exist or are no longer sold',
      productIds: [missing],
    });
  });

  it('when currencies are mixed and a line is short, then the mismatch wins, listing currencies in line order', async () => {
    const [dollars, euros] = await productsInIdOrder({ stock: 1 }, { stock: 0 });
    await ctx.db.query(sql.unsafe`UPDATE products SET currency = 'EUR' WHERE id = ${euros.id}`);
    expect(
      (
        await refusalOf([
          { productId: euros.id, quantity: 1 },
          { productId: dollars.id, quantity: 1 },
        ])
      ).body,
    ).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'CURRENCY_MISMATCH',
      detail: 'All products of an order must share one currency',
      currencies: ['USD', 'EUR'],
    });
  });

  it('when the same key comes with another body, then 422 IDEMPOTENCY_KEY_REUSED, as before', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    const key = { 'idempotency-key': `reuse-${randomUUID()}` };
    expect(
      (await postOrder(ctx.app, user, [{ productId: product.id, quantity: 1 }], key)).statusCode,
    ).toBe(201);
    expect((await refusalOf([{ productId: product.id, quantity: 2 }], key)).body).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      detail: 'This Idempotency-Key was already used with a different request body',
    });
  });

  it('when the token belongs to a user who was deleted, then 401 UNAUTHENTICATED and nothing is written', async () => {
    const gone = await registerAndLogIn(ctx.app, 'gone');
    const product = await createProduct(ctx.db, { stock: 10 });
    await ctx.db.query(sql.unsafe`DELETE FROM users WHERE id = ${gone.userId}`);
    const before = await rowCounts(ctx.db);

    const response = await postOrder(ctx.app, gone, [{ productId: product.id, quantity: 1 }]);

    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await stockOf(ctx.db, product.id)).toBe(10);
    expect(await rowCounts(ctx.db)).toEqual(before);
  });

  it('when 200 orders race over a scarce product and a plentiful one, then every refusal is the exact documented body and nothing is oversold', async () => {
    const [scarce, plenty] = await productsInIdOrder({ stock: 40 }, { stock: 10_000 });
    const racers = Array.from({ length: 200 }, (_, i) =>
      postOrder(ctx.app, user, [
        { productId: plenty.id, quantity: 1 + (i % 3) },
        { productId: scarce.id, quantity: 1 },
      ]),
    );
    const responses = await Promise.all(racers);

    const created = responses.filter((response) => response.statusCode === 201);
    const refused = responses.filter((response) => response.statusCode !== 201);
    expect(created).toHaveLength(40);
    for (const response of refused) {
      const { requestId: _id, ...body } = response.json();
      expect(body).toEqual({
        type: 'about:blank',
        title: 'Conflict',
        status: 409,
        code: 'INSUFFICIENT_STOCK',
        detail: 'Not enough stock for 1 product(s)',
        shortages: [{ productId: scarce.id, requested: 1, available: 0 }],
      });
    }
    const taken = created.reduce(
      (sum, response) =>
        sum + response.json().order.items.find((i: Line) => i.productId === plenty.id).quantity,
      0,
    );
    expect(await stockOf(ctx.db, scarce.id)).toBe(0);
    expect(await stockOf(ctx.db, plenty.id)).toBe(10_000 - taken);
  });
});
