import { z } from 'zod';

/**
 * Outbox event schemas: the contract between the API (writer) and the worker (reader).
 * Payloads are versioned; a breaking change adds a new version instead of editing this one.
 */
export const orderStatuses = ['pending', 'confirmed', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderLineSchema = z.object({
  productId: z.uuid(),
  name: z.string(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  lineTotalCents: z.number().int(),
});

export const orderSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(orderStatuses),
  currency: z.string().length(3),
  totalCents: z.number().int(),
  items: z.array(orderLineSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Order = z.infer<typeof orderSchema>;

export const orderEventTypes = ['order.created', 'order.confirmed', 'order.cancelled'] as const;
export type OrderEventType = (typeof orderEventTypes)[number];

export const orderEventPayloadSchema = z.object({
  version: z.literal(1),
  order: orderSchema,
});
export type OrderEventPayload = z.infer<typeof orderEventPayloadSchema>;

/** An outbox row as the relay reads it and the worker receives it. */
export const outboxEventSchema = z.object({
  id: z.uuid(),
  aggregateType: z.literal('order'),
  aggregateId: z.uuid(),
  eventType: z.enum(orderEventTypes),
  payload: orderEventPayloadSchema,
  traceparent: z.string().nullable(),
  tracestate: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type OutboxEvent = z.infer<typeof outboxEventSchema>;
