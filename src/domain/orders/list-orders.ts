import type { DatabasePool } from 'slonik';
import { z } from 'zod';
import {
  listOrders as listVisibleOrders,
  type OrderPosition,
  type Viewer,
} from '../../db/orders.js';
import { DomainError } from '../errors.js';
import type { Order, OrderStatus } from './events.js';

export interface ListOrdersInput {
  viewer: Viewer;
  limit: number;
  cursor?: string | undefined;
  status?: OrderStatus | undefined;
  /** Admins only; anyone else may pass only their own id. */
  userId?: string | undefined;
}

export interface OrderPage {
  items: Order[];
  nextCursor: string | null;
}

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
  // One extra row tells whether another page exists without a count query.
  const rows = await listVisibleOrders(deps.db, {
    viewer,
    limit: input.limit + 1,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
    userId: input.userId,
    status: input.status,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ createdAtMicros: _position, ...order }) => order),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
  };
}

const cursorPayload = z.tuple([z.int(), z.uuid()]);

function encodeCursor(position: OrderPosition): string {
  return Buffer.from(JSON.stringify([position.createdAtMicros, position.id])).toString('base64url');
}

function decodeCursor(cursor: string): OrderPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    payload = undefined;
  }
  const parsed = cursorPayload.safeParse(payload);
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', 'The querystring failed validation', {
      errors: [{ path: 'cursor', message: 'is not a cursor returned by this API' }],
    });
  }
  const [createdAtMicros, id] = parsed.data;
  return { createdAtMicros, id };
}
