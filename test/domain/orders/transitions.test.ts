import { sql } from 'slonik';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderStatuses } from '../../../src/domain/orders/order.js';
import { allowedTransitions } from '../../../src/domain/orders/transitions.js';
import { useTestApp } from '../../helpers/app.js';
import { registerAndLogIn } from '../../helpers/auth.js';
import { createProduct } from '../../helpers/factories.js';
import { placeOrderOverHttp } from '../../helpers/worker.js';

const ctx = useTestApp();

describe('the order state machine', () => {
  it('when the code and the database are compared, then they allow exactly the same transitions', async () => {
    const rows = await ctx.db.any(sql.type(z.object({ from: z.string(), to: z.string() }))`
      SELECT from_status AS from, to_status AS to FROM order_transitions`);
    const inDatabase = rows.map(({ from, to }) => `${from}→${to}`).sort();
    const inCode = Object.entries(allowedTransitions)
      .flatMap(([from, targets]) => targets.map((to) => `${from}→${to}`))
      .sort();
    expect(inDatabase).toEqual(inCode);
  });

  it('when any code path writes a status change the table does not allow, then the database refuses it', async () => {
    const user = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db);
    const order = await placeOrderOverHttp(ctx.app, user, [{ productId: product.id, quantity: 1 }]);
    for (const to of orderStatuses) {
      const allowed = (allowedTransitions.pending as readonly string[]).includes(to);
      if (allowed || to === 'pending') continue;
      await expect(
        ctx.db.query(sql.unsafe`UPDATE orders SET status = ${to} WHERE id = ${order.id}`),
      ).rejects.toMatchObject({ constraint: 'orders_status_transition' });
    }
    const status = await ctx.db.oneFirst(sql.type(z.object({ status: z.string() }))`
      SELECT status FROM orders WHERE id = ${order.id}`);
    expect(status).toBe('pending');
  });
});
