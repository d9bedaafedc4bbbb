import { randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { transitionVisibleOrder } from '../../db/orders.js';
import type { Order, TraceContext } from './order.js';
import { orderAfterTransition } from './transitions.js';

export interface Shipment {
  carrier: string;
  trackingNumber: string;
}

/**
 * An admin ships a confirmed order in one statement: status, shipment, history entry and
 * `order.shipped` commit together; any other status is refused (INVALID_ORDER_STATE).
 */
export async function shipOrder(
  deps: { db: DatabasePool; nudgeRelay: () => void },
  input: { orderId: string; adminId: string; shipment: Shipment; trace: TraceContext },
): Promise<Order> {
  const result = await transitionVisibleOrder(
    deps.db,
    { userId: input.adminId, isAdmin: true },
    'admin',
    {
      orderId: input.orderId,
      to: 'shipped',
      reason: null,
      eventId: randomUUID(),
      trace: input.trace,
      shipment: input.shipment,
    },
  );
  const order = orderAfterTransition(result, 'shipped');
  deps.nudgeRelay();
  return order;
}
