import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

/**
 * Idempotency records are claimed and written by `create_order()` (migration 008), in the
 * order's own statement; this is their retention.
 */

/** Deletes at most `limit` records past their 24 h; returns how many went. */
export function deleteExpiredIdempotencyKeys(
  db: CommonQueryMethods,
  limit: number,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ deleted: z.number() }))`
    WITH expired AS (
      SELECT user_id, key FROM idempotency_keys WHERE expires_at <= now() LIMIT ${limit}
    ), deleted AS (
      DELETE FROM idempotency_keys k USING expired e
      WHERE k.user_id = e.user_id AND k.key = e.key
      RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM deleted`);
}
