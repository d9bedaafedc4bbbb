import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { orderActors, orderStatuses, visibleTo, type Viewer } from './orders.js';

/** One status an order reached: when, who moved it, and why (a short code, or null). */
export const historyEntrySchema = z.object({
  status: z.enum(orderStatuses),
  at: z.iso.datetime(),
  actor: z.enum(orderActors),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

const historyRow = z.object({ items: z.array(historyEntrySchema) });

/**
 * An order's history, oldest first, in one statement: null when the viewer may not see the order
 * (an admin sees every order, anyone else only their own).
 */
export async function findOrderHistory(
  db: CommonQueryMethods,
  orderId: string,
  viewer: Viewer,
): Promise<HistoryEntry[] | null> {
  const row = await db.maybeOne(sql.prepared(
    `find_order_history_as_${viewer.isAdmin ? 'admin' : 'owner'}`,
    historyRow,
  )`
    SELECT coalesce(jsonb_agg(jsonb_build_object(
             'status', h.status, 'at', iso_utc(h.at), 'actor', h.actor, 'reason', h.reason)
           -- A status is reached once and the machine has no cycles: the walk order breaks ties.
           ORDER BY h.at, array_position(${sql.array([...orderStatuses], 'text')}, h.status))
           FILTER (WHERE h.status IS NOT NULL), '[]') AS items
    FROM orders o LEFT JOIN order_history h ON h.order_id = o.id
    WHERE o.id = ${orderId}::uuid AND ${visibleTo(viewer)}
    GROUP BY o.id`);
  return row?.items ?? null;
}
