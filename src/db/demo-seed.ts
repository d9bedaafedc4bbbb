import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

/**
 * Holds a transaction-scoped advisory lock, then tells whether no product and no user exists:
 * two processes starting at once cannot both seed.
 */
export async function lockAndCheckEmpty(tx: CommonQueryMethods): Promise<boolean> {
  await tx.query(sql.type(z.object({}))`SELECT pg_advisory_xact_lock(hashtext('demo-seed'))`);
  return tx.oneFirst(sql.type(z.object({ empty: z.boolean() }))`
    SELECT NOT EXISTS (SELECT FROM products) AND NOT EXISTS (SELECT FROM users) AS empty`);
}
