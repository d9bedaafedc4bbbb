import { sql } from 'slonik';
import { z } from 'zod';
import { deleteExpiredIdempotencyKeys } from '../../../src/db/idempotency-keys.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { createProduct } from '../../helpers/factories.js';
import { postOrder, rowCounts, stockOf } from './orders.js';

const ctx = useTestApp();
let user: SignedIn;

beforeAll(async () => {
  user = await registerAndLogIn(ctx.app);
});

const withKey = (key: string) => ({ 'idempotency-key': key });

describe('POST /orders with an Idempotency-Key', () => {
  it('when the same key and body come again, then the first 201 is replayed and nothing new is created', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    const items = [{ productId: product.id, quantity: 2 }];
    const first = await postOrder(ctx.app, user, items, withKey('retry-1'));
    expect(first.statusCode).toBe(201);
    const before = await rowCounts(ctx.db);

    const again = await postOrder(ctx.app, user, items, withKey('retry-1'));

    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.json()).toEqual(first.json());
    expect(await rowCounts(ctx.db)).toEqual(before);
    expect(await stockOf(ctx.db, product.id)).toBe(8);
  });

  it('when the replayed order changed since, then the replay still shows the first answer', async () => {
    const product = await createProduct(ctx.db);
    const items = [{ productId: product.id, quantity: 1 }];
    const first = await postOrder(ctx.app, user, items, withKey('retry-cancelled'));
    const cancelled = await ctx.app.inject({
      method: 'POST',
      url: `${first.headers.location}/cancel`,
      headers: user.headers,
    });
    expect(cancelled.json().order.status).toBe('cancelled');

    const again = await postOrder(ctx.app, user, items, withKey('retry-cancelled'));
    expect(again.json()).toEqual(first.json());
  });

  it('when the same lines come in another order with the same key, then it is the same request', async () => {
    const a = await createProduct(ctx.db);
    const b = await createProduct(ctx.db);
    const first = await postOrder(
      ctx.app,
      user,
      [
        { productId: a.id, quantity: 1 },
        { productId: b.id, quantity: 2 },
      ],
      withKey('reordered'),
    );
    const again = await postOrder(
      ctx.app,
      user,
      [
        { productId: b.id, quantity: 2 },
        { productId: a.id.toUpperCase(), quantity: 1 },
      ],
      withKey('reordered'),
    );
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
  });

  it('when the same key comes with another body, then 422 IDEMPOTENCY_KEY_REUSED and nothing is created', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    await postOrder(ctx.app, user, [{ productId: product.id, quantity: 1 }], withKey('reused'));
    const before = await rowCounts(ctx.db);

    const res = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 2 }],
      withKey('reused'),
    );

    expectProblem(res, 422, 'IDEMPOTENCY_KEY_REUSED');
    expect(await rowCounts(ctx.db)).toEqual(before);
    expect(await stockOf(ctx.db, product.id)).toBe(9);
  });

  it('when two users send the same key, then each gets an order of their own', async () => {
    const other = await registerAndLogIn(ctx.app);
    const product = await createProduct(ctx.db);
    const items = [{ productId: product.id, quantity: 1 }];
    const mine = await postOrder(ctx.app, user, items, withKey('shared-key'));
    const theirs = await postOrder(ctx.app, other, items, withKey('shared-key'));
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotency-replayed']).toBeUndefined();
    expect(theirs.json().order.id).not.toBe(mine.json().order.id);
    expect(theirs.json().order.userId).toBe(other.userId);
  });

  it('when the first attempt failed, then a retry with the same key is processed afresh', async () => {
    const product = await createProduct(ctx.db, { stock: 1 });
    const items = [{ productId: product.id, quantity: 2 }];
    const failed = await postOrder(ctx.app, user, items, withKey('after-failure'));
    expectProblem(failed, 409, 'INSUFFICIENT_STOCK');
    await ctx.db.query(sql.unsafe`UPDATE products SET stock = 5 WHERE id = ${product.id}`);

    const retried = await postOrder(ctx.app, user, items, withKey('after-failure'));

    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotency-replayed']).toBeUndefined();
  });

  it('when the stored key is older than 24 hours, then it is ignored and the key starts afresh', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    const first = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 1 }],
      withKey('expiring'),
    );
    await ctx.db.query(sql.unsafe`
      UPDATE idempotency_keys
      SET created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'
      WHERE key = 'expiring'`);

    const later = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 3 }],
      withKey('expiring'),
    );

    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotency-replayed']).toBeUndefined();
    expect(later.json().order.id).not.toBe(first.json().order.id);
    const replay = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 3 }],
      withKey('expiring'),
    );
    expect(replay.json()).toEqual(later.json());
  });

  it('when keys are past their 24 hours, then the purge deletes them and keeps live ones', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    const line = [{ productId: product.id, quantity: 1 }];
    await postOrder(ctx.app, user, line, withKey('purged'));
    await postOrder(ctx.app, user, line, withKey('kept'));
    await ctx.db.query(sql.unsafe`
      UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'purged'`);

    expect(await deleteExpiredIdempotencyKeys(ctx.db, 1_000)).toBe(1);

    const keys = await ctx.db.anyFirst(
      sql.type(
        z.object({ key: z.string() }),
      )`SELECT key FROM idempotency_keys WHERE key IN ('purged', 'kept')`,
    );
    expect(keys).toEqual(['kept']);
  });

  it.each([
    ['empty', ''],
    ['256 characters long', 'k'.repeat(256)],
    ['not printable ASCII', 'clé'],
  ])('when the key is %s, then 400 VALIDATION_FAILED', async (_, key) => {
    const product = await createProduct(ctx.db);
    const res = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 1 }],
      withKey(key),
    );
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('when the key is 255 characters long, then it is accepted', async () => {
    const product = await createProduct(ctx.db);
    const res = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 1 }],
      withKey('k'.repeat(255)),
    );
    expect(res.statusCode).toBe(201);
  });

  it('when 20 identical requests race with one key, then one order is created and every answer is that 201 or 409 IDEMPOTENCY_KEY_IN_USE', async () => {
    const product = await createProduct(ctx.db, { stock: 100 });
    const items = [{ productId: product.id, quantity: 3 }];
    const before = await rowCounts(ctx.db);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => postOrder(ctx.app, user, items, withKey('raced'))),
    );

    const created = answers.filter((res) => res.statusCode === 201);
    const busy = answers.filter((res) => res.statusCode === 409);
    expect(created.length + busy.length).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const res of busy) expectProblem(res, 409, 'IDEMPOTENCY_KEY_IN_USE');
    const bodies = new Set(created.map((res) => res.body));
    expect(bodies.size).toBe(1);
    expect(created.filter((res) => !res.headers['idempotency-replayed'])).toHaveLength(1);

    const after = await rowCounts(ctx.db);
    expect(after.orders - before.orders).toBe(1);
    expect(after.events - before.events).toBe(1);
    expect(await stockOf(ctx.db, product.id)).toBe(97);

    const retry = await postOrder(ctx.app, user, items, withKey('raced'));
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotency-replayed']).toBe('true');
    expect(retry.body).toBe(created[0]!.body);

    const reused = await postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 4 }],
      withKey('raced'),
    );
    expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('when a duplicate commits the key after our check, then 409 IDEMPOTENCY_KEY_IN_USE and the stock taken is rolled back', async () => {
    const product = await createProduct(ctx.db, { stock: 10 });
    const before = await rowCounts(ctx.db);
    let inserted!: () => void;
    let release!: () => void;
    const keyInserted = new Promise<void>((resolve) => (inserted = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    // A writer that skips the advisory lock: only the primary key can stop the second order.
    const duplicate = ctx.db.transaction(async (tx) => {
      await tx.query(sql.unsafe`
        INSERT INTO idempotency_keys (user_id, key, request_hash, response_body)
        VALUES (${user.userId}, 'late-duplicate', ${sql.binary(Buffer.alloc(32))}, '{}')`);
      inserted();
      await released;
    });
    await keyInserted;

    const pending = postOrder(
      ctx.app,
      user,
      [{ productId: product.id, quantity: 4 }],
      withKey('late-duplicate'),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await duplicate;

    expectProblem(await pending, 409, 'IDEMPOTENCY_KEY_IN_USE');
    expect(await stockOf(ctx.db, product.id)).toBe(10);
    const after = await rowCounts(ctx.db);
    expect({ ...after, keys: before.keys }).toEqual(before);
  });
});
