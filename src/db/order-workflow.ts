import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

const orderWithItemsRow = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(['pending', 'confirmed', 'cancelled']),
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
export type OrderWithItemsRow = z.infer<typeof orderWithItemsRow>;

/**
 * pending → confirmed, only if the order is still pending (a cancelled order stays cancelled).
 * Returns the confirmed order with its lines, or null when nothing moved.
 */
export function confirmPendingOrder(
  tx: CommonQueryMethods,
  orderId: string,
): Promise<OrderWithItemsRow | null> {
  return tx.maybeOne(sql.type(orderWithItemsRow)`
    WITH moved AS (
      UPDATE orders SET status = 'confirmed', updated_at = now()
      WHERE id = ${orderId} AND status = 'pending'
      RETURNING id, user_id, status, currency, total_cents, created_at, updated_at
    )
    SELECT moved.id, moved.user_id AS "userId", moved.status, moved.currency,
           moved.total_cents AS "totalCents",
           coalesce(
             (SELECT json_agg(json_build_object(
                       'productId', i.product_id, 'name', i.name, 'quantity', i.quantity,
                       'unitPriceCents', i.unit_price_cents,
                       'lineTotalCents', i.line_total_cents) ORDER BY i.product_id)
              FROM order_items i WHERE i.order_id = moved.id),
             '[]') AS items,
           moved.created_at AS "createdAt", moved.updated_at AS "updatedAt"
    FROM moved`);
}
