import type { DatabasePool } from 'slonik';
import { listOrders as listVisibleOrders } from '../../db/orders.js';
import { DomainError } from '../errors.js';
import { decodeCursor, toPage, type Page } from '../pagination.js';
import type { Order, OrderStatus, Viewer } from './order.js';

export interface ListOrdersInput {
  viewer: Viewer;
  limit: number;
  cursor?: string | undefined;
  status?: OrderStatus | undefined;
  /** Admins only; anyone else may pass only their own id. */
  userId?: string | undefined;
}

export type OrderPage = Page<Order>;

/** Newest first: a user's own orders, or everyone's for an admin. */
export async function listOrders(
  deps: { db: DatabasePool },
  input: ListOrdersInput,
): Promise<OrderPage> {
  const { viewer } = input;
  if (
    input.userId !== undefined &&
    !viewer.isAdmin &&
    input.userId.toLowerCase() !== viewer.userId
  ) {
    throw new DomainError('FORBIDDEN', "Only an admin may list another user's orders");
  }
  const rows = await listVisibleOrders(deps.db, {
    viewer,
    limit: input.limit + 1,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
    userId: input.userId,
    status: input.status,
  });
  return toPage(rows, input.limit, (row) => row.order);
}
