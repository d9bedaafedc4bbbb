import { sql, type CommonQueryMethods, type FragmentSqlToken } from 'slonik';
import { z } from 'zod';
import type { KeysetPosition } from './keyset.js';
import { refusalOf, type Refusal } from './refusals.js';

export const orderStatuses = [
  'pending',
  'confirmed',
  'shipped',
  'delivered',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Who moved an order: its owner, an admin, or the worker. */
export const orderActors = ['user', 'admin', 'system'] as const;
export type OrderActor = (typeof orderActors)[number];

/**
 * The order, once: what `order_json()` (migration 005) builds for every reader — API responses,
 * event payloads and idempotent replays all carry exactly this.
 */
export const orderSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(orderStatuses),
  currency: z.string().length(3),
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
  shipment: z.object({ carrier: z.string(), trackingNumber: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Order = z.infer<typeof orderSchema>;

/** W3C trace context saved with an event, so the worker continues the trace that wrote it. */
export interface TraceContext {
  traceparent: string | null;
  tracestate: string | null;
}

/** Who is looking: an admin sees every order, anyone else only their own. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

/** `o` (an orders row) is one the viewer may see. */
export function visibleTo(viewer: Viewer): FragmentSqlToken {
  return viewer.isAdmin ? sql.fragment`TRUE` : sql.fragment`o.user_id = ${viewer.userId}::uuid`;
}

export interface OrderToPlace {
  orderId: string;
  eventId: string;
  userId: string;
  /** Distinct product ids in uuid order, each with its quantity. */
  items: readonly { productId: string; quantity: number }[];
  idempotency: { key: string; requestHash: Buffer } | null;
  trace: TraceContext;
}

const placedRow = z.object({
  placed: z.object({ replayed: z.boolean(), order: orderSchema }),
});
export type PlacedOrder = z.infer<typeof placedRow>['placed'];

/**
 * One round trip, in autocommit: `create_order()` claims the idempotency key, takes the stock,
 * and writes the order, its lines, its history entry, its event and the key's record — or
 * refuses, and then nothing was written.
 */
export async function placeOrder(
  db: CommonQueryMethods,
  order: OrderToPlace,
): Promise<PlacedOrder | Refusal> {
  const productIds = order.items.map((item) => item.productId);
  const quantities = order.items.map((item) => item.quantity);
  const key = order.idempotency;
  return refusalOf(
    db.oneFirst(sql.prepared('create_order', placedRow)`
      SELECT create_order(
        ${order.orderId}::uuid, ${order.userId}::uuid,
        ${sql.array(productIds, 'uuid')}, ${sql.array(quantities, 'int4')},
        ${order.eventId}::uuid, ${order.trace.traceparent}::text, ${order.trace.tracestate}::text,
        ${key?.key ?? null}::text, ${key ? sql.binary(key.requestHash) : null}::bytea
      ) AS placed`),
  );
}

export interface Transition {
  orderId: string;
  to: OrderStatus;
  reason: string | null;
  /** Id of the `order.<to>` event the transition writes. */
  eventId: string;
  trace: TraceContext;
}

const transitionRow = z.object({
  fromStatus: z.enum(orderStatuses).nullable(),
  moved: z.boolean(),
  order: orderSchema.nullable(),
});
export type TransitionResult = z.infer<typeof transitionRow>;

/**
 * One transition requested over HTTP, in one statement: null when the viewer may not see the
 * order; otherwise its status before and, if the transition was allowed, the order after.
 */
export function transitionVisibleOrder(
  db: CommonQueryMethods,
  viewer: Viewer,
  actor: OrderActor,
  transition: Transition & { shipment?: { carrier: string; trackingNumber: string } },
): Promise<TransitionResult | null> {
  const { orderId, to, reason, eventId, trace, shipment } = transition;
  return db.maybeOne(sql.prepared(
    `transition_order_as_${viewer.isAdmin ? 'admin' : 'owner'}`,
    transitionRow,
  )`
    SELECT t.from_status AS "fromStatus", t.moved, t."order"
    FROM orders o
    CROSS JOIN LATERAL transition_orders(
      ARRAY[o.id], ARRAY[${to}::text], ${actor}::text, ARRAY[${reason}::text],
      ARRAY[${eventId}::uuid], ARRAY[${trace.traceparent}::text], ARRAY[${trace.tracestate}::text],
      ${shipment?.carrier ?? null}::text, ${shipment?.trackingNumber ?? null}::text) t
    WHERE o.id = ${orderId}::uuid AND ${visibleTo(viewer)}`);
}

export interface EventTransition extends Transition {
  /** The consumed event that decided this transition. */
  causeEventId: string;
}

const eventTransitionRow = transitionRow.extend({ eventId: z.uuid(), taken: z.boolean() });
export type EventTransitionResult = z.infer<typeof eventTransitionRow>;

/**
 * A consumer's batch in one statement: takes the consumer's inbox rows of the causing events and
 * applies the transitions of those it still had to apply (`taken`); redeliveries change nothing.
 */
export function applyEventTransitions(
  db: CommonQueryMethods,
  consumer: string,
  actor: OrderActor,
  transitions: readonly EventTransition[],
): Promise<readonly EventTransitionResult[]> {
  const column = <T>(pick: (transition: EventTransition) => T) => transitions.map(pick);
  return db.any(sql.prepared('apply_event_transitions', eventTransitionRow)`
    SELECT event_id AS "eventId", taken, from_status AS "fromStatus", moved, "order"
    FROM apply_event_transitions(
      ${consumer}::text,
      ${sql.array(
        column((t) => t.causeEventId),
        'uuid',
      )},
      ${sql.array(
        column((t) => t.orderId),
        'uuid',
      )},
      ${sql.array(
        column((t) => t.to),
        'text',
      )},
      ${actor}::text,
      ${sql.array(
        column((t) => t.reason),
        'text',
      )},
      ${sql.array(
        column((t) => t.eventId),
        'uuid',
      )},
      ${sql.array(
        column((t) => t.trace.traceparent),
        'text',
      )},
      ${sql.array(
        column((t) => t.trace.tracestate),
        'text',
      )})`);
}

const orderRow = z.object({ order: orderSchema });

export async function findOrder(
  db: CommonQueryMethods,
  orderId: string,
  viewer: Viewer,
): Promise<Order | null> {
  const name = `find_order_as_${viewer.isAdmin ? 'admin' : 'owner'}`;
  const row = await db.maybeOne(sql.prepared(name, orderRow)`
    SELECT order_json(o) AS order FROM orders o
    WHERE o.id = ${orderId}::uuid AND ${visibleTo(viewer)}`);
  return row?.order ?? null;
}

export interface OrderListing {
  viewer: Viewer;
  limit: number;
  after?: KeysetPosition | undefined;
  userId?: string | undefined;
  status?: OrderStatus | undefined;
}

const listedOrderRow = orderRow.extend({ id: z.uuid(), createdAtMicros: z.number().int() });

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
    SELECT order_json(o) AS order, o.id,
           (extract(epoch FROM o.created_at) * 1000000)::bigint AS "createdAtMicros"
    FROM orders o
    WHERE ${sql.join(conditions, sql.fragment` AND `)}
    ORDER BY o.created_at DESC, o.id DESC
    LIMIT ${listing.limit}`);
}

export interface ExpirySweep {
  /** Orders pending longer than this expire. */
  ttlSeconds: number;
  /** Longest a create_order transaction can run: how far before the watermark to look again. */
  slackMs: number;
  batch: number;
  trace: TraceContext;
}

const expiredRow = z.object({ expired: z.number().int() });

/**
 * One step of the expiry sweep (migration 006's `expire_orders()`): up to `batch` pending orders
 * past their TTL become expired, each with its restock, history entry and `order.expired` event.
 * Returns how many it expired; fewer than `batch` means none is left (or a concurrent sweep
 * holds the watermark).
 */
export function expireDueOrders(db: CommonQueryMethods, sweep: ExpirySweep): Promise<number> {
  return db.oneFirst(sql.prepared('expire_orders', expiredRow)`
    SELECT count(*)::int AS expired FROM expire_orders(
      ${sweep.ttlSeconds}::float8 * interval '1 second',
      ${sweep.slackMs}::float8 * interval '1 millisecond',
      ${sweep.batch}::int, ${sweep.trace.traceparent}::text, ${sweep.trace.tracestate}::text)`);
}

const paymentDueRow = z.object({ eventId: z.uuid(), status: z.enum(orderStatuses).nullable() });

/**
 * Before asking for payments: the status of each event's order, or null when the consumer's
 * inbox row is gone (the event was applied before). An order no longer pending needs no payment,
 * so its inbox row is taken in the same statement. One row per event, in any order.
 */
export function takeUnlessPending(
  db: CommonQueryMethods,
  consumer: string,
  events: readonly { eventId: string; orderId: string }[],
): Promise<readonly z.infer<typeof paymentDueRow>[]> {
  return db.any(sql.prepared('take_unless_pending', paymentDueRow)`
    WITH requested AS (
      SELECT * FROM unnest(
        ${sql.array(
          events.map((event) => event.eventId),
          'uuid',
        )},
        ${sql.array(
          events.map((event) => event.orderId),
          'uuid',
        )}
      ) AS r(event_id, order_id)
    ), due AS (
      SELECT r.event_id, o.status
      FROM requested r
      JOIN inbox i ON i.consumer = ${consumer}::text AND i.event_id = r.event_id
      JOIN orders o ON o.id = r.order_id
    ), released AS (
      DELETE FROM inbox i USING due
      WHERE i.consumer = ${consumer}::text AND i.event_id = due.event_id
        AND due.status <> 'pending'
    )
    SELECT r.event_id AS "eventId", due.status
    FROM requested r LEFT JOIN due ON due.event_id = r.event_id`);
}
