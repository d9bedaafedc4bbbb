import { sql, type CommonQueryMethods, type FragmentSqlToken } from 'slonik';
import { noRows } from './prepared.js';
import { z } from 'zod';
import { rethrowUniqueViolation } from './errors.js';
import type { KeysetPosition } from './keyset.js';
import { idempotencyRecordInsert, type NewIdempotencyRecord } from './idempotency-keys.js';
import { outboxInsert, type NewOutboxEvent } from './outbox.js';

const orderStatuses = ['pending', 'confirmed', 'cancelled'] as const;
type OrderStatus = (typeof orderStatuses)[number];

const orderRow = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(orderStatuses),
  currency: z.string(),
  totalCents: z.number().int(),
  items: z.array(
    z.object({
      productId: z.uuid(),
      name: z.string(),
      quantity: z.number().int(),
      unitPriceCents: z.number().int(),
      lineTotalCents: z.number().int(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrderRow = z.infer<typeof orderRow>;

/** An order with its lines (by product id) from a row aliased `o`: one statement, no N+1. */
const orderColumns = sql.fragment`
  o.id, o.user_id AS "userId", o.status, o.currency, o.total_cents AS "totalCents",
  coalesce(
    (SELECT json_agg(json_build_object(
              'productId', i.product_id, 'name', i.name, 'quantity', i.quantity,
              'unitPriceCents', i.unit_price_cents, 'lineTotalCents', i.line_total_cents)
            ORDER BY i.product_id)
     FROM order_items i WHERE i.order_id = o.id),
    '[]') AS items,
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;

/** Who is looking: an admin sees every order, anyone else only their own. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

function visibleTo(viewer: Viewer): FragmentSqlToken {
  return viewer.isAdmin ? sql.fragment`TRUE` : sql.fragment`o.user_id = ${viewer.userId}::uuid`;
}

const lockedProductRow = z.object({
  id: z.uuid(),
  name: z.string(),
  priceCents: z.number().int(),
  currency: z.string(),
  stock: z.number().int(),
  archived: z.boolean(),
  /** The transaction's timestamp, the same on every row. */
  now: z.string(),
});
export type LockedProduct = z.infer<typeof lockedProductRow>;

/**
 * Locks the named products in id order, so concurrent orders over overlapping products queue
 * instead of deadlocking. Archived ones are returned too (flagged) for the caller to refuse.
 */
export function lockProductsForOrder(
  db: CommonQueryMethods,
  productIds: readonly string[],
): Promise<readonly LockedProduct[]> {
  // NO KEY UPDATE is the lock the stock UPDATE takes anyway; it leaves FK checks unblocked.
  return db.any(sql.prepared('lock_products_for_order', lockedProductRow)`
    SELECT id, name, price_cents AS "priceCents", currency, stock,
           archived_at IS NOT NULL AS archived, now() AS now
    FROM products
    WHERE id = ANY(${sql.array(productIds, 'uuid')})
    ORDER BY id
    FOR NO KEY UPDATE`);
}

export interface NewOrder {
  id: string;
  userId: string;
  currency: string;
  totalCents: number;
  createdAt: string;
  items: readonly { productId: string; name: string; quantity: number; unitPriceCents: number }[];
}

/**
 * One round trip for every write of a new order: all stock decrements, the order, all its
 * lines, its outbox event and (if given) its idempotency record. The products must already be
 * locked by `lockProductsForOrder`. Throws UniqueViolation when the idempotency key is taken.
 */
export async function insertPlacedOrder(
  db: CommonQueryMethods,
  order: NewOrder,
  event: NewOutboxEvent,
  idempotencyRecord: NewIdempotencyRecord | null,
): Promise<void> {
  const lines = sql.unnest(
    order.items.map((line) => [line.productId, line.name, line.quantity, line.unitPriceCents]),
    ['uuid', 'text', 'int4', 'int8'],
  );
  await rethrowUniqueViolation(
    db.query(sql.prepared('insert_placed_order', noRows)`
      WITH line AS (
        SELECT * FROM ${lines} AS l(product_id, name, quantity, unit_price_cents)
      ), stock_taken AS (
        UPDATE products p SET stock = p.stock - line.quantity
        FROM line WHERE p.id = line.product_id
      ), new_order AS (
        INSERT INTO orders (id, user_id, currency, total_cents, created_at, updated_at)
        VALUES (${order.id}::uuid, ${order.userId}::uuid, ${order.currency}::text,
                ${order.totalCents}::int8, ${order.createdAt}::timestamptz,
                ${order.createdAt}::timestamptz)
      ), new_lines AS (
        INSERT INTO order_items (order_id, product_id, name, quantity, unit_price_cents)
        SELECT ${order.id}::uuid, product_id, name, quantity, unit_price_cents FROM line
      ), event AS (
        ${outboxInsert(event)}
      )
      ${idempotencyRecordInsert(idempotencyRecord)}`),
  );
}

export function findOrder(
  db: CommonQueryMethods,
  orderId: string,
  viewer: Viewer,
): Promise<OrderRow | null> {
  return db.maybeOne(sql.type(orderRow)`
    SELECT ${orderColumns} FROM orders o WHERE o.id = ${orderId}::uuid AND ${visibleTo(viewer)}`);
}

export interface OrderListing {
  viewer: Viewer;
  limit: number;
  after?: KeysetPosition | undefined;
  userId?: string | undefined;
  status?: OrderStatus | undefined;
}

const listedOrderRow = orderRow.extend({ createdAtMicros: z.number().int() });

/** Newest first; keyset pagination keeps pages stable while orders are placed. */
export function listOrders(
  db: CommonQueryMethods,
  listing: OrderListing,
): Promise<readonly z.infer<typeof listedOrderRow>[]> {
  const conditions = [visibleTo(listing.viewer)];
  if (listing.userId) conditions.push(sql.fragment`o.user_id = ${listing.userId}::uuid`);
  if (listing.status) conditions.push(sql.fragment`o.status = ${listing.status}`);
  if (listing.after) {
    conditions.push(sql.fragment`(o.created_at, o.id) < (
      'epoch'::timestamptz + ${listing.after.createdAtMicros} * interval '1 microsecond',
      ${listing.after.id}::uuid)`);
  }
  return db.any(sql.type(listedOrderRow)`
    SELECT ${orderColumns},
           (extract(epoch FROM o.created_at) * 1000000)::bigint AS "createdAtMicros"
    FROM orders o
    WHERE ${sql.join(conditions, sql.fragment` AND `)}
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ${listing.limit}`);
}

/**
 * pending|confirmed → cancelled as one conditional UPDATE: of cancels racing for one order,
 * exactly one gets the row back. Null when the order is not visible or not cancellable.
 */
export function markOrderCancelled(
  db: CommonQueryMethods,
  orderId: string,
  viewer: Viewer,
): Promise<OrderRow | null> {
  return db.maybeOne(sql.type(orderRow)`
    WITH cancelled AS (
      UPDATE orders o SET status = 'cancelled', updated_at = now()
      WHERE o.id = ${orderId}::uuid AND o.status IN ('pending', 'confirmed')
        AND ${visibleTo(viewer)}
      RETURNING o.*
    )
    SELECT ${orderColumns} FROM cancelled o`);
}

/** Puts an order's quantities back in stock, locking its products in id order as orders do. */
export async function restockOrderItems(db: CommonQueryMethods, orderId: string): Promise<void> {
  // Every row the UPDATE joins has come out of `locked`, so all lock waits happen there, in order.
  await db.query(sql.unsafe`
    WITH line AS (
      SELECT product_id, quantity FROM order_items WHERE order_id = ${orderId}::uuid
    ), locked AS MATERIALIZED (
      SELECT id FROM products WHERE id IN (SELECT product_id FROM line)
      ORDER BY id
      FOR NO KEY UPDATE
    )
    UPDATE products p SET stock = p.stock + line.quantity
    FROM line JOIN locked ON locked.id = line.product_id
    WHERE p.id = line.product_id`);
}

/**
 * pending → confirmed, only if the order is still pending (a cancelled order stays cancelled).
 * Returns the confirmed order with its lines, or null when nothing moved.
 */
export function confirmPendingOrder(
  tx: CommonQueryMethods,
  orderId: string,
): Promise<OrderRow | null> {
  return tx.maybeOne(sql.prepared('confirm_pending_order', orderRow)`
    WITH moved AS (
      UPDATE orders SET status = 'confirmed', updated_at = now()
      WHERE id = ${orderId} AND status = 'pending'
      RETURNING *
    )
    SELECT ${orderColumns} FROM moved o`);
}
