import { sql } from 'slonik';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createProduct } from '../../helpers/factories.js';
import { postOrder, rowCounts, stockOf, type Line } from './orders.js';

const ctx = useTestApp();
let users: SignedIn[];

beforeAll(async () => {
  users = await Promise.all(Array.from({ length: 5 }, () => registerAndLogIn(ctx.app)));
});

/** Deterministic pseudo-random numbers, so a failing run can be replayed. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

function orderedQuantities(productId: string) {
  return ctx.db.oneFirst(sql.type(z.object({ total: z.number() }))`
    SELECT coalesce(sum(quantity), 0)::int AS total FROM order_items WHERE product_id = ${productId}`);
}

describe('concurrent orders', () => {
  it('when 200 orders race for a product with 50 in stock, then exactly 50 succeed and nothing is oversold', async () => {
    const product = await createProduct(ctx.db, { stock: 50 });
    const before = await rowCounts(ctx.db);

    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        postOrder(ctx.app, users[i % users.length]!, [{ productId: product.id, quantity: 1 }]),
      ),
    );
    const elapsedMs = performance.now() - started;

    const created = answers.filter((res) => res.statusCode === 201);
    const refused = answers.filter((res) => res.statusCode !== 201);
    expect(created).toHaveLength(50);
    expect(refused).toHaveLength(150);
    for (const res of refused) {
      const problem = expectProblem(res, 409, 'INSUFFICIENT_STOCK');
      expect(problem.shortages).toEqual([{ productId: product.id, requested: 1, available: 0 }]);
    }
    expect(await stockOf(ctx.db, product.id)).toBe(0);
    const after = await rowCounts(ctx.db);
    expect(after.orders - before.orders).toBe(50);
    expect(after.events - before.events).toBe(50);
    expect(new Set(created.map((res) => res.json().order.id)).size).toBe(50);
    console.info(`200 concurrent single-line orders: ${elapsedMs.toFixed(0)} ms`);
  });

  it('when multi-line orders over overlapping products race in random line orders, then every answer is 201 or 409 and stock is conserved', async () => {
    const products = await Promise.all(
      Array.from({ length: 6 }, () => createProduct(ctx.db, { stock: 40 })),
    );
    const next = random(20_261_124);
    const bodies: Line[][] = Array.from({ length: 150 }, () => {
      const lines = products
        .filter(() => next(2) === 0)
        .map((product) => ({ productId: product.id, quantity: 1 + next(3) }));
      const chosen = lines.length > 0 ? lines : [{ productId: products[next(6)]!.id, quantity: 1 }];
      // Shuffle, so requests name overlapping products in different orders.
      for (let i = chosen.length - 1; i > 0; i--) {
        const j = next(i + 1);
        [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
      }
      return chosen;
    });
    const before = await rowCounts(ctx.db);

    const answers = await Promise.all(
      bodies.map((items, i) => postOrder(ctx.app, users[i % users.length]!, items)),
    );

    const created = answers.filter((res) => res.statusCode === 201);
    for (const res of answers) {
      if (res.statusCode !== 201) expectProblem(res, 409, 'INSUFFICIENT_STOCK');
    }
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBeLessThan(answers.length);
    const after = await rowCounts(ctx.db);
    expect(after.orders - before.orders).toBe(created.length);
    expect(after.events - before.events).toBe(created.length);
    for (const product of products) {
      const answeredQuantity = created
        .flatMap((res) => res.json().order.items as Line[])
        .filter((line) => line.productId === product.id)
        .reduce((sum, line) => sum + line.quantity, 0);
      const stock = await stockOf(ctx.db, product.id);
      expect(stock).toBeGreaterThanOrEqual(0);
      expect(stock).toBe(40 - answeredQuantity);
      expect(await orderedQuantities(product.id)).toBe(answeredQuantity);
    }
  });
});
