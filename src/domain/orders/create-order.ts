import { createHash, randomUUID } from 'node:crypto';
import type { CommonQueryMethods, DatabasePool } from 'slonik';
import { z } from 'zod';
import { UniqueViolation } from '../../db/errors.js';
import { claimIdempotencyKey } from '../../db/idempotency-keys.js';
import { insertPlacedOrder, lockProductsForOrder, type LockedProduct } from '../../db/orders.js';
import { DomainError } from '../errors.js';
import { orderSchema, type Order } from './events.js';
import { orderEvent, type TraceContext } from './outbox-event.js';

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
 * Places an order in one transaction: claim the idempotency key, lock the products, check
 * them, then take the stock and write the order, its lines, its `order.created` event and the
 * key. Nothing outside Postgres happens here, because slonik re-runs the callback on
 * serialization failures and deadlocks.
 */
export async function createOrder(
  deps: { db: DatabasePool },
  input: CreateOrderInput,
): Promise<CreatedOrder> {
  const items = canonicalItems(input.items);
  const requestHash = hashRequest(items);
  let outcome: CreatedOrder | DomainError;
  try {
    // Refusals are returned, not thrown: slonik destroys a pooled connection whose callback
    // throws. All come before any order write (the commit keeps at most an expired key's removal).
    outcome = await deps.db.transaction(async (tx) => {
      if (input.idempotencyKey !== undefined) {
        const earlier = await earlierAnswer(tx, input.userId, input.idempotencyKey, requestHash);
        if (earlier) return earlier;
      }
      const products = await lockProductsForOrder(
        tx,
        items.map((item) => item.productId),
      );
      const order = priceOrder(input.userId, items, products);
      if (order instanceof DomainError) return order;
      const record =
        input.idempotencyKey === undefined
          ? null
          : {
              userId: input.userId,
              key: input.idempotencyKey,
              requestHash,
              responseBody: { order },
            };
      await insertPlacedOrder(tx, order, orderEvent('order.created', order, input.trace), record);
      return { order, replayed: false };
    });
  } catch (error) {
    // A duplicate committed between our key check and our insert.
    if (error instanceof UniqueViolation && error.constraint === 'idempotency_keys_pkey') {
      throw keyInUse();
    }
    throw error;
  }
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
}

/** Lower-case ids sorted by id: the order the lines are stored and shown in, and hashed in. */
function canonicalItems(items: readonly OrderRequestItem[]): OrderRequestItem[] {
  return items
    .map((item) => ({ productId: item.productId.toLowerCase(), quantity: item.quantity }))
    .sort((a, b) => (a.productId < b.productId ? -1 : 1));
}

function hashRequest(items: readonly OrderRequestItem[]): Buffer {
  const canonical = JSON.stringify(items.map((item) => [item.productId, item.quantity]));
  return createHash('sha256').update(canonical).digest();
}

const storedResponse = z.object({ order: orderSchema });

const keyInUse = () =>
  new DomainError(
    'IDEMPOTENCY_KEY_IN_USE',
    'A request with this Idempotency-Key is still being processed; retry shortly',
  );

/** The replay of an earlier success with this key, a refusal, or null if the key is fresh. */
async function earlierAnswer(
  tx: CommonQueryMethods,
  userId: string,
  key: string,
  requestHash: Buffer,
): Promise<CreatedOrder | DomainError | null> {
  const claim = await claimIdempotencyKey(tx, { userId, key });
  if (!claim.acquired) return keyInUse();
  if (!claim.previous) return null;
  if (!claim.previous.requestHash.equals(requestHash)) {
    return new DomainError(
      'IDEMPOTENCY_KEY_REUSED',
      'This Idempotency-Key was already used with a different request body',
    );
  }
  return { order: storedResponse.parse(claim.previous.responseBody).order, replayed: true };
}

/** Prices the lines at current prices, or says why the locked products cannot fill them. */
function priceOrder(
  userId: string,
  items: readonly OrderRequestItem[],
  products: readonly LockedProduct[],
): Order | DomainError {
  const byId = new Map(products.map((product) => [product.id, product]));
  const lines = [];
  const unavailable = [];
  for (const item of items) {
    const product = byId.get(item.productId);
    if (product && !product.archived) lines.push({ ...item, product });
    else unavailable.push(item.productId);
  }
  const first = lines[0];
  if (unavailable.length > 0 || !first) {
    return new DomainError(
      'PRODUCT_UNAVAILABLE',
      `${unavailable.length} product(s) do not exist or are no longer sold`,
      { productIds: unavailable },
    );
  }
  const { currency, now } = first.product;
  if (lines.some((line) => line.product.currency !== currency)) {
    return new DomainError(
      'CURRENCY_MISMATCH',
      'All products of an order must share one currency',
      {
        currencies: [...new Set(lines.map((line) => line.product.currency))],
      },
    );
  }
  const shortages = lines
    .filter((line) => line.product.stock < line.quantity)
    .map((line) => ({
      productId: line.productId,
      requested: line.quantity,
      available: line.product.stock,
    }));
  if (shortages.length > 0) {
    return new DomainError(
      'INSUFFICIENT_STOCK',
      `Not enough stock for ${shortages.length} product(s)`,
      { shortages },
    );
  }
  const orderLines = lines.map(({ productId, quantity, product }) => ({
    productId,
    name: product.name,
    quantity,
    unitPriceCents: product.priceCents,
    lineTotalCents: quantity * product.priceCents,
  }));
  return {
    id: randomUUID(),
    userId,
    status: 'pending',
    currency,
    totalCents: orderLines.reduce((sum, line) => sum + line.lineTotalCents, 0),
    items: orderLines,
    createdAt: now,
    updatedAt: now,
  };
}
