import { z } from 'zod';
import { historyEntrySchema, orderSchema, orderStatuses } from '../../../domain/orders/order.js';
import { uuidParam } from '../../schemas.js';

const orderExample = {
  id: '6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55',
  userId: '0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10',
  status: 'pending',
  currency: 'USD',
  totalCents: 3600,
  items: [
    {
      productId: '9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807',
      name: 'Enamel camp mug',
      quantity: 2,
      unitPriceCents: 1800,
      lineTotalCents: 3600,
    },
  ],
  shipment: null,
  createdAt: '2026-12-01T09:31:00.000Z',
  updatedAt: '2026-12-01T09:31:00.000Z',
} as const;

export const orderResponseSchema = orderSchema.meta({
  id: 'Order',
  description: 'Lines are ordered by productId; money in minor units of `currency`',
  examples: [orderExample],
});

export const orderResponse = z
  .object({ order: orderResponseSchema })
  .meta({ description: 'The order', examples: [{ order: orderExample }] });

export const orderPageSchema = z
  .object({ items: z.array(orderResponseSchema), nextCursor: z.string().nullable() })
  .meta({
    id: 'OrderPage',
    description: 'A page of orders, newest first; nextCursor is null on the last page',
    examples: [{ items: [orderExample], nextCursor: null }],
  });

export const orderParams = z.object({ id: uuidParam });

export const createOrderBody = z
  .strictObject({
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
  })
  .meta({
    examples: [{ items: [{ productId: '9d2f0a4e-3b1c-4f6a-8e7d-5c4b3a291807', quantity: 2 }] }],
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

export const shipOrderBody = z
  .strictObject({
    carrier: z.string().trim().min(1).max(100),
    trackingNumber: z.string().trim().min(1).max(100),
  })
  .meta({ examples: [{ carrier: 'DHL', trackingNumber: 'JD014600006281' }] });

const historyExample = [
  { status: 'pending', at: '2026-12-01T09:31:00.000Z', actor: 'user', reason: null },
  { status: 'confirmed', at: '2026-12-01T09:31:00.120Z', actor: 'system', reason: null },
  { status: 'cancelled', at: '2026-12-01T10:02:41.503Z', actor: 'user', reason: 'customer' },
] as const;

export const orderHistoryResponse = z
  .object({
    items: z.array(
      historyEntrySchema.meta({
        id: 'OrderHistoryEntry',
        description:
          'A status the order reached; reason is null or a short code (payment_declined, expired, customer, admin)',
      }),
    ),
  })
  .meta({
    id: 'OrderHistory',
    description: 'Every status the order reached, oldest first, starting with pending',
    examples: [{ items: historyExample }],
  });
