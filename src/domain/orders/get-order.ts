import type { DatabasePool } from 'slonik';
import { findOrder } from '../../db/orders.js';
import { DomainError } from '../errors.js';
import type { Order, Viewer } from './order.js';

/** Someone else's order is answered exactly like a missing one, so ids reveal nothing. */
export async function getOrder(
  deps: { db: DatabasePool },
  input: { orderId: string; viewer: Viewer },
): Promise<Order> {
  const order = await findOrder(deps.db, input.orderId, input.viewer);
  if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
  return order;
}
