import { createHash, randomUUID } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import { placeOrder } from '../../db/orders.js';
import { isRefusal, type Refusal } from '../../db/refusals.js';
import { DomainError } from '../errors.js';
import type { Order, TraceContext } from './order.js';

export interface OrderRequestItem {
  productId: string;
  quantity: number;
}

export interface CreateOrderInput {
  userId: string;
  /** Distinct product ids (the request schema guarantees it). */
  items: readonly OrderRequestItem[];
  idempotencyKey?: string | undefined;
  trace: TraceContext;
}

export interface CreatedOrder {
  order: Order;
  /** True when an earlier success with the same idempotency key is answered again. */
  replayed: boolean;
}

/**
 * Places an order in one statement (`create_order()`, migration 008), in this order:
 * 1. the idempotency key: a duplicate in flight is refused at once, an earlier success with the
 *    same body is replayed, the same key with another body is refused;
 * 2. the stock: the products are locked in product id order (every writer locks them in that
 *    order, so concurrent orders cannot deadlock), then taken only if every line fits (never below
 *    zero); unknown or archived products, mixed currencies and shortages refuse the whole order;
 * 3. the order at current prices, its lines, its first history entry (`pending`), its
 *    `order.created` event with this request's trace context, and the key's record.
 * All of it commits, or nothing does.
 */
export async function createOrder(
  deps: { db: DatabasePool; nudgeRelay: () => void },
  input: CreateOrderInput,
): Promise<CreatedOrder> {
  const items = canonicalItems(input.items);
  const placed = await placeOrder(deps.db, {
    orderId: randomUUID(),
    eventId: randomUUID(),
    userId: input.userId,
    items,
    idempotency:
      input.idempotencyKey === undefined
        ? null
        : { key: input.idempotencyKey, requestHash: hashRequest(items) },
    trace: input.trace,
  });
  if (isRefusal(placed)) throw refusalError(placed);
  if (!placed.replayed) deps.nudgeRelay();
  return placed;
}

/** Lower-case ids sorted by id: the order the lines are stored, locked and hashed in. */
function canonicalItems(items: readonly OrderRequestItem[]): OrderRequestItem[] {
  return items
    .map((item) => ({ productId: item.productId.toLowerCase(), quantity: item.quantity }))
    .sort((a, b) => (a.productId < b.productId ? -1 : 1));
}

function hashRequest(items: readonly OrderRequestItem[]): Buffer {
  const canonical = JSON.stringify(items.map((item) => [item.productId, item.quantity]));
  return createHash('sha256').update(canonical).digest();
}

const countOf = (list: unknown) => (Array.isArray(list) ? list.length : 0);

/** What each refusal of `create_order()` means to a client. */
function refusalError({ refused, details }: Refusal): DomainError {
  switch (refused) {
    case 'UNKNOWN_USER':
      // The token is valid but its user is gone: like any other unusable token.
      return new DomainError('UNAUTHENTICATED', 'A valid access token is required');
    case 'IDEMPOTENCY_KEY_IN_USE':
      return new DomainError(
        'IDEMPOTENCY_KEY_IN_USE',
        'A request with this Idempotency-Key is still being processed; retry shortly',
      );
    case 'IDEMPOTENCY_KEY_REUSED':
      return new DomainError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used with a different request body',
      );
    case 'PRODUCT_UNAVAILABLE':
      return new DomainError(
        'PRODUCT_UNAVAILABLE',
        `${countOf(details.productIds)} product(s) do not exist or are no longer sold`,
        details,
      );
    case 'CURRENCY_MISMATCH':
      return new DomainError(
        'CURRENCY_MISMATCH',
        'All products of an order must share one currency',
        details,
      );
    case 'INSUFFICIENT_STOCK':
      return new DomainError(
        'INSUFFICIENT_STOCK',
        `Not enough stock for ${countOf(details.shortages)} product(s)`,
        details,
      );
    default:
      throw new Error(`create_order refused with an unknown code: ${refused}`);
  }
}
