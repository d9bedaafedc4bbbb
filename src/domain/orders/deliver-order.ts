import { randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { transitionVisibleOrder } from '../../db/orders.js';
import type { Order, TraceContext } from './order.js';
import { orderAfterTransition } from './transitions.js';

/**
 * An admin records the delivery of a shipped order in one statement: status, history entry and
 * `order.delivered` commit together; any other status is refused (INVALID_ORDER_STATE).
 */
export async function deliverOrder(
  deps: { db: DatabasePool; nudgeRelay: () => void },
  input: { orderId: string; adminId: string; trace: TraceContext },
): Promise<Order> {
  const result = await transitionVisibleOrder(
    deps.db,
    { userId: input.adminId, isAdmin: true },
    'admin',
    {
      orderId: input.orderId,
      to: 'delivered',
      reason: null,
      eventId: randomUUID(),
      trace: input.trace,
    },
  );
  const order = orderAfterTransition(result, 'delivered');
  deps.nudgeRelay();
  return order;
}
