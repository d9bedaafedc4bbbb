import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  type Context,
  type ContextManager,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { FastifyInstance } from 'fastify';
import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import type { Config } from '../../src/config.js';
import { eventColumns } from '../../src/db/outbox.js';
import {
  orderEventSchema,
  type OrderEvent,
  type OrderEventType,
} from '../../src/domain/orders/events.js';
import { orderSchema, type Order } from '../../src/domain/orders/order.js';
import { createWorker, type WorkerProcess } from '../../src/workers/server.js';
import type { SignedIn } from './auth.js';
import { waitFor } from './process.js';

export const webhookSecret = `whsec_${Buffer.from('test-webhook-signing-key-0123456789').toString('base64')}`;

/** Worker settings that keep tests quick: short polls, backoffs and timeouts. */
export function workerConfig(base: Config, overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    ...base,
    RELAY_POLL_MAX_MS: 200,
    RECONCILE_INTERVAL_MS: 200,
    RECONCILE_AFTER_MS: 2_000,
    RELAY_BACKOFF_MAX_MS: 500,
    WEBHOOK_BACKOFF_MS: 50,
    WEBHOOK_BACKOFF_MAX_MS: 200,
    WEBHOOK_TIMEOUT_MS: 1_000,
    WEBHOOK_ATTEMPTS: 3,
    SHUTDOWN_TIMEOUT_MS: 5_000,
    DATABASE_POOL_SIZE: 4,
    ...overrides,
  });
}

/** An in-process worker (relay + consumers); close it in the test's cleanup. */
export async function startTestWorker(
  config: Config,
  options: { logs?: string[] } = {},
): Promise<WorkerProcess> {
  const logs = options.logs;
  const logStream = logs
    ? new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs.push(...chunk.toString().split('\n').filter(Boolean));
          done();
        },
      })
    : undefined;
  return createWorker(config, logStream ? { logStream } : {});
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver does with the n-th request (0-based): answer a status, or never answer. */
export type WebhookBehaviour = (index: number, request: ReceivedWebhook) => number | 'hang';

/** A local webhook endpoint (node:http on port 0) that records every request. */
export async function startWebhookReceiver(behaviour: WebhookBehaviour = () => 200) {
  const received: ReceivedWebhook[] = [];
  const hanging: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const webhook = { headers: request.headers, body: Buffer.concat(chunks).toString() };
      const answer = behaviour(received.length, webhook);
      received.push(webhook);
      if (answer === 'hang') hanging.push(response);
      else response.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/orders`,
    received,
    /** Requests of one event type, parsed. */
    ofType: (type: string) => received.filter((webhook) => JSON.parse(webhook.body).type === type),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Lets `trace.getActiveSpan()` follow async calls and trace context cross the queue, as the OTel
 * SDK's context manager and default propagator will; the API package alone does neither.
 */
export function enableAsyncContext(): void {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const storage = new AsyncLocalStorage<Context>();
  const manager: ContextManager = {
    active: () => storage.getStore() ?? ROOT_CONTEXT,
    with: (ctx, fn, thisArg, ...args) => storage.run(ctx, () => fn.call(thisArg, ...args)),
    bind: (_ctx, target) => target,
    enable() {
      return this;
    },
    disable() {
      storage.disable();
      return this;
    },
  };
  context.setGlobalContextManager(manager);
}

export async function placeOrderOverHttp(
  app: FastifyInstance,
  user: SignedIn,
  items: { productId: string; quantity: number }[],
  headers: Record<string, string> = {},
): Promise<Order> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/orders',
    headers: { ...user.headers, ...headers },
    payload: { items },
  });
  if (response.statusCode !== 201) {
    throw new Error(`order not created: ${response.statusCode} ${response.body}`);
  }
  return orderSchema.parse(response.json().order);
}

export async function cancelOrderOverHttp(
  app: FastifyInstance,
  user: SignedIn,
  orderId: string,
): Promise<void> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/v1/orders/${orderId}/cancel`,
    headers: user.headers,
  });
  if (response.statusCode !== 200) {
    throw new Error(`order not cancelled: ${response.statusCode} ${response.body}`);
  }
}

export function orderStatus(db: CommonQueryMethods, orderId: string): Promise<string> {
  return db.oneFirst(
    sql.type(z.object({ status: z.string() }))`SELECT status FROM orders WHERE id = ${orderId}`,
  );
}

/** Polls until the order has the status (bounded). */
export function waitForStatus(
  db: CommonQueryMethods,
  orderId: string,
  status: string,
  timeoutMs = 10_000,
) {
  return waitFor(
    `order ${orderId} to be ${status}`,
    async () => ((await orderStatus(db, orderId)) === status ? true : undefined),
    timeoutMs,
  );
}

const outboxEventRow = z.object({
  id: z.uuid(),
  type: z.string(),
  orderId: z.uuid(),
  traceparent: z.string().nullable(),
  publishedAt: z.string().nullable(),
});

export function outboxEventsOf(db: CommonQueryMethods, orderId: string) {
  return db.any(sql.type(outboxEventRow)`
    SELECT id, event_type AS type, aggregate_id AS "orderId", traceparent,
           published_at AS "publishedAt"
    FROM outbox WHERE aggregate_id = ${orderId} ORDER BY created_at, id`);
}

/** Inbox rows of an event that a consumer gave up on. */
export function deadLetters(db: CommonQueryMethods, eventId: string): Promise<number> {
  return db.oneFirst(sql.type(z.object({ count: z.number() }))`
    SELECT count(*)::int AS count FROM inbox WHERE event_id = ${eventId} AND failed_at IS NOT NULL`);
}

/** Inbox rows of an event: one per consumer that has not applied it yet. */
/** Inbox rows of an event still waiting for a consumer (any consumer, or the one named). */
export function inboxCount(
  db: CommonQueryMethods,
  eventId: string,
  consumer?: string,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ count: z.number() }))`
    SELECT count(*)::int AS count FROM inbox
    WHERE event_id = ${eventId} AND (${consumer ?? null}::text IS NULL OR consumer = ${consumer ?? null})`);
}

const historyRow = z.object({
  status: z.string(),
  actor: z.string(),
  reason: z.string().nullable(),
  at: z.string(),
});

/** An order's history entries, oldest first. */
export function orderHistory(db: CommonQueryMethods, orderId: string) {
  return db.any(sql.type(historyRow)`
    SELECT status, actor, reason, at FROM order_history WHERE order_id = ${orderId} ORDER BY at, status`);
}

/** Counts that prove exactly-once effects across the whole database. */
export async function workflowCounts(db: CommonQueryMethods) {
  return db.one(sql.type(
    z.object({
      orders: z.number(),
      confirmed: z.number(),
      created: z.number(),
      confirmedEvents: z.number(),
      unpublished: z.number(),
      unconsumed: z.number(),
      history: z.number(),
    }),
  )`
    SELECT
      (SELECT count(*)::int FROM orders) AS orders,
      (SELECT count(*)::int FROM orders WHERE status = 'confirmed') AS confirmed,
      (SELECT count(*)::int FROM outbox WHERE event_type = 'order.created') AS created,
      (SELECT count(*)::int FROM outbox WHERE event_type = 'order.confirmed') AS "confirmedEvents",
      (SELECT count(*)::int FROM outbox WHERE published_at IS NULL) AS unpublished,
      (SELECT count(*)::int FROM inbox) AS unconsumed,
      (SELECT count(*)::int FROM order_history) AS history`);
}

/** An order's event of one type as the relay would read it, checked against the contract. */
export async function outboxEvent(
  db: CommonQueryMethods,
  orderId: string,
  type: OrderEventType,
): Promise<OrderEvent> {
  return db.one(sql.type(orderEventSchema)`
    SELECT ${eventColumns} FROM outbox WHERE aggregate_id = ${orderId} AND event_type = ${type}`);
}
