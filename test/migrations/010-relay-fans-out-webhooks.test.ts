import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql, type DatabasePool } from 'slonik';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Config } from '../../src/config.js';
import { migrate } from '../../src/db/migrate.js';
import { placeOrder } from '../../src/db/orders.js';
import { createDatabasePool } from '../../src/db/pool.js';
import { insertUser } from '../../src/db/users.js';
import {
  insertWebhookEndpoint,
  updateWebhookEndpoint,
  type WebhookEndpoint,
} from '../../src/db/webhook-endpoints.js';
import { testConfig } from '../helpers/app.js';
import { createTestDatabaseMigratedTo, type TestDatabase } from '../helpers/database.js';
import { createProduct } from '../helpers/factories.js';
import { waitFor } from '../helpers/process.js';
import {
  startTestWorker,
  startWebhookReceiver,
  webhookSecret,
  workerConfig,
} from '../helpers/worker.js';

const deliveryRow = z.object({ endpointId: z.uuid(), status: z.string() });
const inboxRow = z.object({ consumer: z.string() });

// Before 010 the relay handed events to a deliver-webhook consumer, which created their
// deliveries; this database is caught mid-way, with events that consumer had not taken yet.
describe('migration 010: the relay fans out webhooks', () => {
  let database: TestDatabase;
  let db: DatabasePool;
  let config: Config;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let subscribed: WebhookEndpoint;
  const events = { inFlight: randomUUID(), deadLetter: randomUUID(), fannedOut: randomUUID() };

  const endpoint = (url: string, eventTypes: string[]) =>
    insertWebhookEndpoint(db, { url, secret: webhookSecret, eventTypes, description: null });

  beforeAll(async () => {
    database = await createTestDatabaseMigratedTo('009_order_json_cached_plan');
    config = testConfig(database.url);
    db = await createDatabasePool({
      url: database.url,
      maximumPoolSize: 2,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    receiver = await startWebhookReceiver();
    subscribed = await endpoint(receiver.url, ['order.created', 'order.confirmed']);
    await endpoint('http://127.0.0.1:9/confirmed-only', ['order.confirmed']);
    const disabled = await endpoint('http://127.0.0.1:9/disabled', ['order.created']);
    await updateWebhookEndpoint(db, disabled.id, { enabled: false });

    const user = await insertUser(db, {
      email: 'migrated@example.com',
      name: null,
      passwordHash: 'x',
      role: 'user',
    });
    const product = await createProduct(db);
    for (const eventId of Object.values(events)) {
      await placeOrder(db, {
        orderId: randomUUID(),
        eventId,
        userId: user.id,
        items: [{ productId: product.id, quantity: 1 }],
        idempotency: null,
        trace: { traceparent: null, tracestate: null },
      });
    }
    // As the old relay left them: published, handed to both consumers (the fanned-out one's
    // webhook row already taken), one fan-out given up on for good.
    await db.query(sql.unsafe`UPDATE outbox SET published_at = now()`);
    await db.query(sql.unsafe`
      INSERT INTO inbox (consumer, event_id, failed_at) VALUES
        ('deliver-webhook', ${events.inFlight}, NULL),
        ('authorize-payment', ${events.inFlight}, NULL),
        ('deliver-webhook', ${events.deadLetter}, now())`);

    await migrate(database.url);
  });

  afterAll(async () => {
    await receiver?.close();
    await db?.end();
    const redis = new Redis(config.REDIS_URL);
    const keys = await redis.keys(`${config.REDIS_KEY_PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await database?.drop();
  });

  const deliveriesOf = (eventId: string) =>
    db.any(sql.type(deliveryRow)`
      SELECT endpoint_id AS "endpointId", status FROM webhook_deliveries
      WHERE event_id = ${eventId}`);
  const inboxOf = (eventId: string) =>
    db.anyFirst(sql.type(inboxRow)`SELECT consumer FROM inbox WHERE event_id = ${eventId}`);

  it('when deliver-webhook had not taken an event yet, then it gets one pending delivery per enabled endpoint subscribed to its type, and its inbox row goes', async () => {
    for (const eventId of [events.inFlight, events.deadLetter]) {
      expect(await deliveriesOf(eventId)).toEqual([
        { endpointId: subscribed.id, status: 'pending' },
      ]);
    }
    expect(await deliveriesOf(events.fannedOut)).toEqual([]);
    expect(await inboxOf(events.inFlight)).toEqual(['authorize-payment']);
    expect(await inboxOf(events.deadLetter)).toEqual([]);
  });

  it('when a worker starts after the migration, then the reconciler sends those deliveries at once, whatever RECONCILE_AFTER_MS is', async () => {
    const worker = await startTestWorker(workerConfig(config, { RECONCILE_AFTER_MS: 600_000 }));
    try {
      const ids = await waitFor('both webhooks', () => {
        const received = receiver.received.map((webhook) => webhook.headers['webhook-id']);
        return received.length >= 2 ? received : undefined;
      });
      expect(ids.sort()).toEqual([events.inFlight, events.deadLetter].sort());
      await waitFor('the deliveries to be recorded', async () => {
        const deliveries = [
          ...(await deliveriesOf(events.inFlight)),
          ...(await deliveriesOf(events.deadLetter)),
        ];
        return deliveries.every((delivery) => delivery.status === 'succeeded') ? true : undefined;
      });
    } finally {
      await worker.close();
    }
  });

  it('when a worker from before 010 hands an event to deliver-webhook during the rollout and stops, then the reconciler sends its webhook', async () => {
    const eventId = randomUUID();
    const userId = await db.oneFirst(
      sql.type(z.object({ id: z.uuid() }))`SELECT id FROM users LIMIT 1`,
    );
    const product = await createProduct(db);
    await placeOrder(db, {
      orderId: randomUUID(),
      eventId,
      userId,
      items: [{ productId: product.id, quantity: 1 }],
      idempotency: null,
      trace: { traceparent: null, tracestate: null },
    });
    // As an old relay leaves it: published, handed to its fan-out consumer an hour ago.
    await db.query(sql.unsafe`UPDATE outbox SET published_at = now() WHERE id = ${eventId}`);
    await db.query(sql.unsafe`
      INSERT INTO inbox (consumer, event_id, sent_at)
      VALUES ('deliver-webhook', ${eventId}, now() - interval '1 hour')`);

    const worker = await startTestWorker(
      workerConfig(config, { RECONCILE_AFTER_MS: 60_000, RECONCILE_INTERVAL_MS: 100 }),
    );
    try {
      await waitFor('its webhook', () =>
        receiver.received.some((webhook) => webhook.headers['webhook-id'] === eventId)
          ? true
          : undefined,
      );
      expect(await inboxOf(eventId)).toEqual([]);
      expect(await deliveriesOf(eventId)).toEqual([
        { endpointId: subscribed.id, status: expect.any(String) },
      ]);
    } finally {
      await worker.close();
    }
  });
});
