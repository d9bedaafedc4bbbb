import type { DatabasePool } from 'slonik';
import { findOrder, markOrderCancelled, restockOrderItems, type Viewer } from '../../db/orders.js';
import { insertOutboxEvent } from '../../db/outbox.js';
import { DomainError } from '../errors.js';
import type { Order } from './events.js';
import { orderEvent, type TraceContext } from './outbox-event.js';

/**
 * Cancels a pending or confirmed order in one transaction: the status change, the restock and
 * the `order.cancelled` event commit together. Only the cancel that flips the status restocks.
 */
export async function cancelOrder(
  deps: { db: DatabasePool },
  input: { orderId: string; viewer: Viewer; trace: TraceContext },
): Promise<Order> {
  // Refusals are returned, not thrown (slonik destroys a pooled connection whose callback
  // throws); nothing is written before them.
  const outcome = await deps.db.transaction(async (tx) => {
    const order = await markOrderCancelled(tx, input.orderId, input.viewer);
    if (!order) {
      const unchanged = await findOrder(tx, input.orderId, input.viewer);
      if (!unchanged) return new DomainError('NOT_FOUND', 'Order not found');
      return new DomainError(
        'INVALID_ORDER_STATE',
        `A ${unchanged.status} order cannot be cancelled`,
        { orderStatus: unchanged.status },
      );
    }
    await restockOrderItems(tx, order.id);
    await insertOutboxEvent(tx, orderEvent('order.cancelled', order, input.trace));
    return order;
  });
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
}
