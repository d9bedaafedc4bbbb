import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

/** First argument of the two-key advisory locks of this service (the second names the job). */
const lockNamespace = 0x4f524453; // 'ORDS'

/**
 * Runs `work` only if no other session holds the lock named `job`, holding it on `connection`
 * (a session lock: pass a connection held for the whole run) until `work` ends. False if busy.
 */
export async function whileHoldingLock(
  connection: CommonQueryMethods,
  job: string,
  work: () => Promise<void>,
): Promise<boolean> {
  const acquired = await connection.oneFirst(sql.type(z.object({ acquired: z.boolean() }))`
    SELECT pg_try_advisory_lock(${lockNamespace}::int4, hashtext(${job}::text)) AS acquired`);
  if (!acquired) return false;
  try {
    await work();
  } finally {
    await connection.query(sql.type(z.object({ released: z.boolean() }))`
      SELECT pg_advisory_unlock(${lockNamespace}::int4, hashtext(${job}::text)) AS released`);
  }
  return true;
}
