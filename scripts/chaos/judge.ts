import type pg from 'pg';
import type { PlacedOrder, Product } from '../scale/api-client.js';
import type { Delivery } from '../scale/sink.js';

/** Statuses that gave their stock back (transition_orders restocks on these). */
const restocked = new Set(['cancelled', 'expired']);

/**
 * What the service owes for the orders its clients were told about, judged from the outside:
 * the orders, outbox and inbox tables and the webhook receiver. Counts, so a table can show them.
 */
export interface Judgement {
  /** Things owed and not there: each is one order or one event. */
  lost: number;
  /** Effects that happened twice: an order no client asked for, an event written twice. */
  duplicated: number;
  /** Event ids the receiver was sent more than once (allowed: at least once). */
  redelivered: number;
  /** Products whose stock does not add up. */
  stockErrors: number;
  /** One line per kind of problem, for the report. */
  problems: string[];
}

interface EventRow {
  id: string;
  order_id: string;
  event_type: string;
  published: boolean;
}

export async function judge(
  db: pg.Pool,
  products: Product[],
  placed: PlacedOrder[],
  deliveries: Delivery[],
): Promise<Judgement> {
  const [orders, events, inbox, stock] = await Promise.all([
    db.query<{ id: string; status: string }>('SELECT id, status FROM orders'),
    db.query<EventRow>(
      `SELECT id, aggregate_id AS order_id, event_type, published_at IS NOT NULL AS published
         FROM outbox`,
    ),
    db.query<{ waiting: string; dead: string }>(
      `SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
              count(*) FILTER (WHERE failed_at IS NOT NULL) AS dead FROM inbox`,
    ),
    db.query<{ id: string; stock: number }>('SELECT id, stock FROM products'),
  ]);
  const statusOf = new Map(orders.rows.map((row) => [row.id, row.status]));
  const placedIds = new Set(placed.map((order) => order.id));
  const seen = new Set(deliveries.map((delivery) => delivery.eventId));

  const missingOrders = placed.filter((order) => !statusOf.has(order.id)).length;
  const pending = placed.filter((order) => statusOf.get(order.id) === 'pending');
  const pendingOrders = pending.length;
  const unpublished = events.rows.filter((event) => !event.published).length;
  const undelivered = events.rows.filter((event) => !seen.has(event.id)).length;
  const waiting = Number(inbox.rows[0]?.waiting);
  const dead = Number(inbox.rows[0]?.dead);

  const unasked = orders.rows.filter((row) => !placedIds.has(row.id)).length;
  const eventKeys = events.rows.map((event) => `${event.order_id}/${event.event_type}`);
  const writtenTwice = eventKeys.length - new Set(eventKeys).size;

  const taken = new Map<string, number>();
  for (const order of placed) {
    if (restocked.has(statusOf.get(order.id) ?? '')) continue;
    for (const line of order.lines) {
      taken.set(line.productId, (taken.get(line.productId) ?? 0) + line.quantity);
    }
  }
  const left = new Map(stock.rows.map((row) => [row.id, row.stock]));
  const stockErrors = products.filter(
    (product) => left.get(product.id) !== product.stock - (taken.get(product.id) ?? 0),
  ).length;

  const problems = [
    [missingOrders, 'orders answered 201 and not in the database'],
    [
      pendingOrders,
      `orders still pending (${pending
        .slice(0, 2)
        .map((order) => order.id)
        .join(', ')})`,
    ],
    [unpublished, 'outbox events never published'],
    [undelivered, 'events the webhook receiver never saw'],
    [waiting, 'inbox rows not applied by their consumer'],
    [dead, 'dead letters (inbox rows given up on)'],
    [unasked, 'orders no client was told about'],
    [writtenTwice, 'events written twice for one order and type'],
    [stockErrors, 'products whose stock does not add up'],
  ]
    .filter(([count]) => Number(count) > 0)
    .map(([count, what]) => `${count} ${what}`);
  return {
    lost: missingOrders + pendingOrders + unpublished + undelivered + waiting + dead,
    duplicated: unasked + writtenTwice,
    redelivered: deliveries.length - seen.size,
    stockErrors,
    problems,
  };
}
