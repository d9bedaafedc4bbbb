import type { DatabasePool } from 'slonik';
import { findOrderHistory } from '../../db/order-history.js';
import { DomainError } from '../errors.js';
import type { HistoryEntry, Viewer } from './order.js';

/** Oldest first. Someone else's order is answered exactly like a missing one. */
export async function getOrderHistory(
  deps: { db: DatabasePool },
  input: { orderId: string; viewer: Viewer },
): Promise<HistoryEntry[]> {
  const history = await findOrderHistory(deps.db, input.orderId, input.viewer);
  if (!history) throw new DomainError('NOT_FOUND', 'Order not found');
  return history;
}
