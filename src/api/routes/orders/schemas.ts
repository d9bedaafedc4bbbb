import { z } from 'zod';
import { orderSchema, orderStatuses } from '../../../domain/orders/order.js';
import { uuidParam } from '../../schemas.js';

export const orderResponseSchema = orderSchema.meta({
  id: 'Order',
  description: 'Lines are ordered by productId; money in minor units of `currency`',
});

export const orderResponse = z.object({ order: orderResponseSchema });

export const orderPageSchema = z
  .object({ items: z.array(orderResponseSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'OrderPage' });

export const orderParams = z.object({ id: uuidParam });

export const createOrderBody = z.strictObject({
  items: z
    .array(
      z.strictObject({
        productId: z.uuid(),
        quantity: z.int().min(1).max(1000),
      }),
    )
    .min(1)
    .max(50)
    .refine(
      (items) => new Set(items.map((item) => item.productId.toLowerCase())).size === items.length,
      'must name each productId at most once',
    ),
});

export const createOrderHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(/^[\x20-\x7e]{1,255}$/, 'must be 1–255 printable ASCII characters')
    .optional()
    .describe(
      'Makes retries safe for 24 h: the same key and body replay the first 201 (with Idempotency-Replayed: true); errors are not stored, so a failed attempt may be retried with the same key',
    ),
});

export const listOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor returned by this API')
    .optional(),
  status: z.enum(orderStatuses).optional(),
  userId: z
    .uuid()
    .optional()
    .describe("Admins: only this user's orders. Anyone else may pass only their own id (else 403)"),
});
