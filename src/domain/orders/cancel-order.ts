import { randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { transitionVisibleOrder } from '../../db/orders.js';
import type { Order, TraceContext, Viewer } from './order.js';
import { orderAfterTransition } from './transitions.js';

/**
 * Cancels a pending or confirmed order (owner or admin) in one statement: the status, the
 * restock, the history entry and `order.cancelled` commit together, once however many race.
 */
export async function cancelOrder(
  deps: { db: DatabasePool; nudgeRelay: () => void },
  input: { orderId: string; viewer: Viewer; trace: TraceContext },
): Promise<Order> {
  const { viewer } = input;
  const result = await transitionVisibleOrder(deps.db, viewer, viewer.isAdmin ? 'admin' : 'user', {
    orderId: input.orderId,
    to: 'cancelled',
    reason: viewer.isAdmin ? 'admin' : 'customer',
    eventId: randomUUID(),
    trace: input.trace,
  });
  const order = orderAfterTransition(result, 'cancelled');
  deps.nudgeRelay();
  return order;
}
