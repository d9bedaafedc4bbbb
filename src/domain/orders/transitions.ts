import type { TransitionResult } from '../../db/orders.js';
import { DomainError } from '../errors.js';
import type { Order, OrderStatus } from './order.js';

/**
 * The order workflow: every status change allowed, and no other. Migration 005's
 * `order_transitions` table holds the same pairs and a trigger enforces them on every write
 * (a test keeps the two equal).
 */
export const allowedTransitions = {
  pending: ['confirmed', 'cancelled', 'expired'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  expired: [],
} as const satisfies Record<OrderStatus, readonly OrderStatus[]>;

/** Why an order reached a status, when there is more to say than who moved it. */
export const transitionReasons = ['customer', 'admin', 'payment_declined', 'expired'] as const;
export type TransitionReason = (typeof transitionReasons)[number];

/**
 * A transition requested by a person: the order after it, or why not — someone else's order is
 * answered exactly like a missing one, so ids reveal nothing.
 */
export function orderAfterTransition(result: TransitionResult | null, verb: string): Order {
  if (!result?.fromStatus) throw new DomainError('NOT_FOUND', 'Order not found');
  if (!result.moved || !result.order) {
    throw new DomainError('INVALID_ORDER_STATE', `A ${result.fromStatus} order cannot be ${verb}`, {
      orderStatus: result.fromStatus,
    });
  }
  return result.order;
}
