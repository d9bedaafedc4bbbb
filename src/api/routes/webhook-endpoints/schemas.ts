import { z } from 'zod';
import { deliveryStatuses } from '../../../db/webhook-deliveries.js';
import { orderEventTypes } from '../../../domain/orders/events.js';
import { uuidParam } from '../../schemas.js';

const endpointExample = {
  id: '5f0c2d8e-7a41-4b6e-9c3d-1e2f3a4b5c6d',
  url: 'https://hooks.example.com/orders',
  eventTypes: ['order.confirmed', 'order.shipped'],
  description: 'Fulfilment partner',
  enabled: true,
  createdAt: '2026-12-01T09:30:00.000Z',
  updatedAt: '2026-12-01T09:30:00.000Z',
} as const;
const secretExample = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    eventTypes: z.array(z.enum(orderEventTypes)),
    description: z.string().nullable(),
    enabled: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookEndpoint', examples: [endpointExample] });

export const endpointResponse = z
  .object({ endpoint: webhookEndpointSchema })
  .meta({ description: 'The webhook endpoint', examples: [{ endpoint: endpointExample }] });

export const endpointWithSecretResponse = z
  .object({
    endpoint: webhookEndpointSchema,
    secret: z.string().describe('`whsec_<base64 key>`; shown only here: store it now'),
  })
  .meta({
    description: 'The endpoint and its signing secret (shown only once)',
    examples: [{ endpoint: endpointExample, secret: secretExample }],
  });

export const endpointPageSchema = z
  .object({ items: z.array(webhookEndpointSchema), nextCursor: z.string().nullable() })
  .meta({
    id: 'WebhookEndpointPage',
    description: 'A page of endpoints, newest first; nextCursor is null on the last page',
    examples: [{ items: [endpointExample], nextCursor: null }],
  });

const deliveryExample = {
  id: '8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d',
  eventId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  eventType: 'order.confirmed',
  status: 'failed',
  attempts: 10,
  lastStatusCode: 503,
  lastError: 'HTTP 503',
  nextAttemptAt: null,
  createdAt: '2026-12-01T09:30:00.000Z',
  updatedAt: '2026-12-01T09:41:12.000Z',
} as const;

export const webhookDeliverySchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid().describe('Also the `webhook-id` header of every attempt'),
    eventType: z.enum(orderEventTypes),
    status: z.enum(deliveryStatuses),
    attempts: z.int(),
    lastStatusCode: z.int().nullable().describe('HTTP status of the last answer; null if none'),
    lastError: z.string().nullable(),
    nextAttemptAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'WebhookDelivery', examples: [deliveryExample] });

export const deliveryResponse = z
  .object({ delivery: webhookDeliverySchema })
  .meta({ description: 'The delivery, pending again', examples: [{ delivery: deliveryExample }] });

export const deliveryPageSchema = z
  .object({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() })
  .meta({
    id: 'WebhookDeliveryPage',
    description: 'A page of the delivery log, newest first; nextCursor is null on the last page',
    examples: [{ items: [deliveryExample], nextCursor: null }],
  });

export const endpointParams = z.object({ id: uuidParam });
export const deliveryParams = z.object({ id: uuidParam, deliveryId: uuidParam });

// Postgres text cannot hold NUL; rejecting it here keeps it a 400 rather than a driver error.
const text = () =>
  z.string().refine((value) => !value.includes('\0'), 'must not contain NUL characters');
const urlInput = z
  .url({ protocol: /^https?$/, normalize: true })
  .max(2048)
  .describe('http(s); in production it must resolve to public addresses');
const eventTypesInput = z
  .array(z.enum(orderEventTypes))
  .min(1)
  .refine((types) => new Set(types).size === types.length, 'must not repeat an event type');

export const createEndpointBody = z
  .strictObject({
    url: urlInput,
    eventTypes: eventTypesInput.optional().describe('Defaults to every event type'),
    description: text().max(500).optional(),
  })
  .meta({
    examples: [
      {
        url: 'https://hooks.example.com/orders',
        eventTypes: ['order.confirmed', 'order.shipped'],
        description: 'Fulfilment partner',
      },
    ],
  });

export const updateEndpointBody = z
  .strictObject({
    url: urlInput.optional(),
    eventTypes: eventTypesInput.optional(),
    description: text().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'must change at least one field')
  .meta({ examples: [{ enabled: false }] });

const cursorInput = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor returned by this API')
  .optional();

export const listEndpointsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorInput,
});

export const listDeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: cursorInput,
  status: z.enum(deliveryStatuses).optional(),
});
