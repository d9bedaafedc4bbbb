import type pg from 'pg';
import type { PlacedOrder, Product } from './api-client.js';
import type { Delivery } from './sink.js';

/** What the database says about the orders placed, read after the pipeline settled. */
export interface PipelineState {
  statuses: Map<string, string>;
  /** Outbox rows not yet handed to the queues. */
  unpublished: number;
  /** (order, event type) pairs written to the outbox more than once. */
  duplicateEvents: number;
  /** Inbox rows: events handed to a consumer and not applied yet (or given up on). */
  pendingInbox: number;
  /** Per product: stock taken by orders that are not cancelled, and stock left. */
  stock: Map<string, { ordered: number; left: number }>;
}

export async function readPipeline(db: pg.Client): Promise<PipelineState> {
  const orders = await db.query<{ id: string; status: string }>('SELECT id, status FROM orders');
  const outbox = await db.query<{ unpublished: string; duplicates: string }>(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL) AS unpublished,
            (SELECT count(*) FROM (SELECT 1 FROM outbox GROUP BY aggregate_id, event_type
                                   HAVING count(*) > 1) twice) AS duplicates`,
  );
  const inbox = await db.query<{ pending: string }>('SELECT count(*) AS pending FROM inbox');
  const stock = await db.query<{ id: string; stock: number; ordered: string }>(
    `SELECT p.id, p.stock,
            coalesce(sum(i.quantity) FILTER (WHERE o.status <> 'cancelled'), 0) AS ordered
       FROM products p
       LEFT JOIN order_items i ON i.product_id = p.id
       LEFT JOIN orders o ON o.id = i.order_id
      GROUP BY p.id, p.stock`,
  );
  return {
    statuses: new Map(orders.rows.map((row) => [row.id, row.status])),
    unpublished: Number(outbox.rows[0]?.unpublished),
    duplicateEvents: Number(outbox.rows[0]?.duplicates),
    pendingInbox: Number(inbox.rows[0]?.pending),
    stock: new Map(
      stock.rows.map((row) => [row.id, { ordered: Number(row.ordered), left: row.stock }]),
    ),
  };
}

/** Distinct event ids delivered per order and event type; and how many deliveries repeated one. */
export function summariseDeliveries(deliveries: Delivery[]) {
  const byOrder = new Map<string, Map<string, Set<string>>>();
  const seen = new Set<string>();
  let redelivered = 0;
  for (const delivery of deliveries) {
    if (seen.has(delivery.eventId)) redelivered += 1;
    seen.add(delivery.eventId);
    const types = byOrder.get(delivery.orderId) ?? new Map<string, Set<string>>();
    byOrder.set(delivery.orderId, types);
    const ids = types.get(delivery.type) ?? new Set<string>();
    types.set(delivery.type, ids);
    ids.add(delivery.eventId);
  }
  return { byOrder, eventIds: [...seen], redelivered };
}

export const lifecycle = ['order.created', 'order.confirmed'] as const;

/** True when every placed order is confirmed, delivered and recorded: nothing left in flight. */
export function settled(placed: PlacedOrder[], state: PipelineState, deliveries: Delivery[]) {
  const { byOrder } = summariseDeliveries(deliveries);
  return (
    state.unpublished === 0 &&
    state.pendingInbox === 0 &&
    placed.every(
      (order) =>
        state.statuses.get(order.id) === 'confirmed' &&
        lifecycle.every((type) => (byOrder.get(order.id)?.get(type)?.size ?? 0) > 0),
    )
  );
}

export interface Verdict {
  name: string;
  ok: boolean;
  detail: string;
}

/** Every assertion about the data: conservation, exactly-once confirmation, delivery. */
export function judgeData(
  products: Product[],
  placed: PlacedOrder[],
  state: PipelineState,
  deliveries: Delivery[],
): { verdicts: Verdict[]; duplicates: number; redelivered: number } {
  const { byOrder, redelivered } = summariseDeliveries(deliveries);
  const placedIds = new Set(placed.map((order) => order.id));
  const unknownOrders = [...state.statuses.keys()].filter((id) => !placedIds.has(id)).length;
  const notConfirmed = placed.filter((order) => state.statuses.get(order.id) !== 'confirmed');
  const missing = placed.filter((order) =>
    lifecycle.some((type) => (byOrder.get(order.id)?.get(type)?.size ?? 0) === 0),
  );
  const extraEvents = [...byOrder.values()].reduce(
    (sum, types) =>
      sum + [...types.values()].reduce((inner, ids) => inner + Math.max(0, ids.size - 1), 0),
    0,
  );

  const expectedTaken = new Map<string, number>();
  for (const order of placed) {
    for (const line of order.lines) {
      expectedTaken.set(line.productId, (expectedTaken.get(line.productId) ?? 0) + line.quantity);
    }
  }
  const stockErrors = products.filter((product) => {
    const row = state.stock.get(product.id);
    const taken = expectedTaken.get(product.id) ?? 0;
    return !row || row.ordered !== taken || row.left !== product.stock - taken;
  });

  const duplicates = unknownOrders + state.duplicateEvents + extraEvents;
  const verdicts: Verdict[] = [
    {
      name: 'stock conserved',
      ok: stockErrors.length === 0,
      detail: `${products.length - stockErrors.length}/${products.length} products: initial = left + taken by the orders clients were told about`,
    },
    {
      name: 'no duplicate orders or events',
      ok: duplicates === 0,
      detail: `${unknownOrders} orders no client placed, ${state.duplicateEvents} events written twice, ${extraEvents} extra event ids delivered`,
    },
    {
      name: 'every order confirmed once',
      ok: notConfirmed.length === 0 && state.statuses.size === placed.length,
      detail: `${placed.length - notConfirmed.length}/${placed.length} confirmed`,
    },
    {
      name: 'every event delivered',
      ok: missing.length === 0 && state.unpublished === 0,
      detail: `${placed.length - missing.length}/${placed.length} orders with created + confirmed webhooks; ${state.unpublished} unpublished outbox rows`,
    },
    {
      name: 'every event applied by its consumers',
      ok: state.pendingInbox === 0,
      detail: `${state.pendingInbox} inbox rows left (handed out, not applied)`,
    },
  ];
  return { verdicts, duplicates, redelivered };
}

export interface RetentionPass {
  /** The process incarnation (its log file). */
  source: string;
  startedAt: number;
  finishedAt: number;
}

/** Pairs one process's 'retention pass started' / 'finished' log lines into intervals. */
export function retentionPasses(source: string, logText: string): RetentionPass[] {
  const passes: RetentionPass[] = [];
  let startedAt: number | undefined;
  for (const line of logText.split('\n')) {
    if (!line.includes('"retention pass ')) continue;
    const entry = JSON.parse(line) as { msg: string; time: string };
    const at = Date.parse(entry.time);
    if (entry.msg === 'retention pass started') startedAt = at;
    // A pass that failed released its lock as surely as one that finished.
    if (entry.msg === 'retention pass finished' || entry.msg === 'retention pass failed') {
      passes.push({ source, startedAt: startedAt ?? at, finishedAt: at });
      startedAt = undefined;
    }
  }
  // A pass still open when the log ends (the process was stopped in it) ran until then.
  if (startedAt !== undefined) passes.push({ source, startedAt, finishedAt: Infinity });
  return passes;
}

/** Pairs of passes, in different processes, whose intervals overlap. */
export function overlappingPasses(passes: RetentionPass[]): number {
  let overlaps = 0;
  for (const [index, pass] of passes.entries()) {
    for (const other of passes.slice(index + 1)) {
      if (
        other.source !== pass.source &&
        other.startedAt < pass.finishedAt &&
        pass.startedAt < other.finishedAt
      ) {
        overlaps += 1;
      }
    }
  }
  return overlaps;
}
