import { randomBytes } from 'node:crypto';
import type { DatabasePool } from 'slonik';
import type { Config } from '../../config.js';
import {
  findWebhookDelivery,
  listWebhookDeliveries,
  reopenFailedDelivery,
  type DeliveryStatus,
  type WebhookDelivery,
} from '../../db/webhook-deliveries.js';
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  type WebhookEndpoint,
} from '../../db/webhook-endpoints.js';
import { DomainError } from '../errors.js';
import { orderEventTypes, type OrderEventType } from '../orders/events.js';
import { decodeCursor, toPage, type Page } from '../pagination.js';
import { guardsDestinations, refusedDestination, type Resolve } from './destination.js';

export interface WebhookDeps {
  db: DatabasePool;
  config: Pick<Config, 'NODE_ENV' | 'WEBHOOK_ALLOW_PRIVATE'>;
  /** DNS for the SSRF guard; tests pass their own. */
  resolve?: Resolve;
  /** Sends a reopened delivery again (its job, under its id). */
  resendDelivery: (deliveryId: string) => Promise<void>;
}

export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  /** `whsec_<base64 key>`: shown at creation and rotation only. */
  secret: string;
}

function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

const notFound = () => new DomainError('NOT_FOUND', 'No such webhook endpoint');

/** With the guard on, a URL whose host resolves to a non-public address is a 400. */
async function checkDestination(deps: WebhookDeps, url: string): Promise<void> {
  if (!guardsDestinations(deps.config)) return;
  const refused = await refusedDestination(url, deps.resolve);
  if (refused === null) return;
  throw new DomainError('VALIDATION_FAILED', 'The body failed validation', {
    errors: [{ path: 'url', message: `is not allowed: ${refused}` }],
  });
}

export async function createWebhookEndpoint(
  deps: WebhookDeps,
  input: {
    url: string;
    eventTypes?: OrderEventType[] | undefined;
    description?: string | undefined;
  },
): Promise<EndpointWithSecret> {
  await checkDestination(deps, input.url);
  const secret = newSecret();
  const endpoint = await insertWebhookEndpoint(deps.db, {
    url: input.url,
    secret,
    eventTypes: input.eventTypes ?? orderEventTypes,
    description: input.description ?? null,
  });
  return { endpoint, secret };
}

export async function getWebhookEndpoint(
  deps: Pick<WebhookDeps, 'db'>,
  id: string,
): Promise<WebhookEndpoint> {
  const endpoint = await findWebhookEndpoint(deps.db, id);
  if (!endpoint) throw notFound();
  return endpoint;
}

export async function listWebhookEndpointsPage(
  deps: Pick<WebhookDeps, 'db'>,
  input: { limit: number; cursor?: string | undefined },
): Promise<Page<WebhookEndpoint>> {
  const rows = await listWebhookEndpoints(deps.db, {
    limit: input.limit + 1,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
  });
  return toPage(rows, input.limit);
}

export async function changeWebhookEndpoint(
  deps: WebhookDeps,
  id: string,
  changes: {
    url?: string | undefined;
    eventTypes?: OrderEventType[] | undefined;
    description?: string | null | undefined;
    enabled?: boolean | undefined;
  },
): Promise<WebhookEndpoint> {
  if (changes.url !== undefined) await checkDestination(deps, changes.url);
  const endpoint = await updateWebhookEndpoint(deps.db, id, changes);
  if (!endpoint) throw notFound();
  return endpoint;
}

export async function removeWebhookEndpoint(
  deps: Pick<WebhookDeps, 'db'>,
  id: string,
): Promise<void> {
  if (!(await deleteWebhookEndpoint(deps.db, id))) throw notFound();
}

/** The next delivery attempt signs with the new secret; the old one stops working at once. */
export async function rotateWebhookSecret(
  deps: Pick<WebhookDeps, 'db'>,
  id: string,
): Promise<EndpointWithSecret> {
  const secret = newSecret();
  const endpoint = await updateWebhookEndpoint(deps.db, id, { secret });
  if (!endpoint) throw notFound();
  return { endpoint, secret };
}

export async function listDeliveriesPage(
  deps: Pick<WebhookDeps, 'db'>,
  endpointId: string,
  input: { limit: number; cursor?: string | undefined; status?: DeliveryStatus | undefined },
): Promise<Page<WebhookDelivery>> {
  await getWebhookEndpoint(deps, endpointId);
  const rows = await listWebhookDeliveries(deps.db, {
    endpointId,
    limit: input.limit + 1,
    status: input.status,
    after: input.cursor === undefined ? undefined : decodeCursor(input.cursor),
  });
  return toPage(rows, input.limit);
}

/** A failed delivery is sent again with the same `webhook-id` (the event's id). */
export async function retryDelivery(
  deps: WebhookDeps,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const reopened = await reopenFailedDelivery(deps.db, endpointId, deliveryId);
  if (!reopened) {
    const existing = await findWebhookDelivery(deps.db, endpointId, deliveryId);
    if (!existing) throw new DomainError('NOT_FOUND', 'No such delivery for this endpoint');
    throw new DomainError(
      'INVALID_DELIVERY_STATE',
      `Only a failed delivery can be retried; this one is ${existing.status}`,
    );
  }
  await deps.resendDelivery(deliveryId);
  return reopened;
}
