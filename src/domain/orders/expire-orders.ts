import type { DatabasePool } from 'slonik';
import { expireDueOrders } from '../../db/orders.js';
import type { TraceContext } from './order.js';

const batch = 500;

/**
 * Expires (and counts) every order still pending `ttlSeconds` after it was placed: status, restock, history
 * entry (reason `expired`) and `order.expired`, a few hundred orders per statement. An order that
 * a payment confirmed meanwhile is skipped, and a confirmation that comes later is skipped in
 * turn: the transition table allows only one of them.
 */
export async function expireOrders(
  deps: { db: DatabasePool },
  input: { ttlSeconds: number; slackMs: number; trace: TraceContext },
): Promise<number> {
  let expired = 0;
  for (;;) {
    const step = await expireDueOrders(deps.db, { ...input, batch });
    expired += step;
    if (step < batch) return expired;
  }
}
