import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import type { KeysetPosition } from './keyset.js';
import { orderEventTypes } from './outbox.js';

/** An endpoint as admins see it: never its secret. */
export const webhookEndpointSchema = z.object({
  id: z.uuid(),
  url: z.string(),
  eventTypes: z.array(z.enum(orderEventTypes)),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

const endpointColumns = sql.fragment`
  id, url, event_types AS "eventTypes", description, enabled,
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const listedEndpointRow = webhookEndpointSchema.extend({ createdAtMicros: z.number() });

export interface NewWebhookEndpoint {
  url: string;
  secret: string;
  eventTypes: readonly string[];
  description: string | null;
}

export function insertWebhookEndpoint(
  db: CommonQueryMethods,
  endpoint: NewWebhookEndpoint,
): Promise<WebhookEndpoint> {
  return db.one(sql.type(webhookEndpointSchema)`
    INSERT INTO webhook_endpoints (url, secret, event_types, description)
    VALUES (${endpoint.url}, ${endpoint.secret}, ${sql.array(endpoint.eventTypes, 'text')},
            ${endpoint.description})
    RETURNING ${endpointColumns}`);
}

export function findWebhookEndpoint(
  db: CommonQueryMethods,
  id: string,
): Promise<WebhookEndpoint | null> {
  return db.maybeOne(sql.type(webhookEndpointSchema)`
    SELECT ${endpointColumns} FROM webhook_endpoints WHERE id = ${id}::uuid`);
}

/** Newest first, keyset-paginated. */
export function listWebhookEndpoints(
  db: CommonQueryMethods,
  listing: { limit: number; after?: KeysetPosition | undefined },
): Promise<readonly z.infer<typeof listedEndpointRow>[]> {
  const after = listing.after
    ? sql.fragment`WHERE (created_at, id) < (
        'epoch'::timestamptz + ${listing.after.createdAtMicros} * interval '1 microsecond',
        ${listing.after.id}::uuid)`
    : sql.fragment``;
  return db.any(sql.type(listedEndpointRow)`
    SELECT ${endpointColumns},
           (extract(epoch FROM created_at) * 1000000)::bigint AS "createdAtMicros"
    FROM webhook_endpoints ${after}
    ORDER BY created_at DESC, id DESC
    LIMIT ${listing.limit}`);
}

export interface WebhookEndpointChanges {
  url?: string | undefined;
  secret?: string | undefined;
  eventTypes?: readonly string[] | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

export function updateWebhookEndpoint(
  db: CommonQueryMethods,
  id: string,
  changes: WebhookEndpointChanges,
): Promise<WebhookEndpoint | null> {
  const sets = [sql.fragment`updated_at = now()`];
  if (changes.url !== undefined) sets.push(sql.fragment`url = ${changes.url}`);
  if (changes.secret !== undefined) sets.push(sql.fragment`secret = ${changes.secret}`);
  if (changes.eventTypes !== undefined) {
    sets.push(sql.fragment`event_types = ${sql.array(changes.eventTypes, 'text')}`);
  }
  if (changes.description !== undefined) {
    sets.push(sql.fragment`description = ${changes.description}`);
  }
  if (changes.enabled !== undefined) sets.push(sql.fragment`enabled = ${changes.enabled}`);
  return db.maybeOne(sql.type(webhookEndpointSchema)`
    UPDATE webhook_endpoints SET ${sql.join(sets, sql.fragment`, `)}
    WHERE id = ${id}::uuid
    RETURNING ${endpointColumns}`);
}

/** Returns whether it existed; its deliveries go with it. */
export async function deleteWebhookEndpoint(db: CommonQueryMethods, id: string): Promise<boolean> {
  const deleted = await db.maybeOne(sql.type(z.object({ id: z.uuid() }))`
    DELETE FROM webhook_endpoints WHERE id = ${id}::uuid RETURNING id`);
  return deleted !== null;
}

/**
 * The endpoint WEBHOOK_URL/WEBHOOK_SECRET define, subscribed to every event: created, updated
 * when either changed, or removed when they are unset.
 */
export async function syncBootstrapWebhookEndpoint(
  db: CommonQueryMethods,
  endpoint: { url: string; secret: string } | undefined,
): Promise<void> {
  if (endpoint === undefined) {
    await db.query(sql.type(z.object({}))`DELETE FROM webhook_endpoints WHERE bootstrap`);
    return;
  }
  await db.query(sql.type(z.object({}))`
    INSERT INTO webhook_endpoints (url, secret, event_types, description, bootstrap)
    VALUES (${endpoint.url}, ${endpoint.secret}, ${sql.array(orderEventTypes, 'text')},
            'From WEBHOOK_URL (kept in sync at start)', true)
    ON CONFLICT (bootstrap) WHERE bootstrap DO UPDATE
      SET url = excluded.url, secret = excluded.secret, event_types = excluded.event_types,
          updated_at = now()
      WHERE (webhook_endpoints.url, webhook_endpoints.secret, webhook_endpoints.event_types)
            IS DISTINCT FROM (excluded.url, excluded.secret, excluded.event_types)`);
}
