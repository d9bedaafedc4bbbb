import { Writable } from 'node:stream';
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendsFrom, parentOf, startTestTracing } from '../helpers/tracing.js';

// Before any app module loads (see startTestTracing), so the app is imported dynamically.
const exporter = await startTestTracing();

const [
  { Redis },
  { buildApp },
  { createDatabasePool },
  { testConfig },
  { registerAndLogIn },
  { createTestDatabase },
  { createProduct },
  { waitFor },
  worker,
] = await Promise.all([
  import('ioredis'),
  import('../../src/api/app.js'),
  import('../../src/db/pool.js'),
  import('../helpers/app.js'),
  import('../helpers/auth.js'),
  import('../helpers/database.js'),
  import('../helpers/factories.js'),
  import('../helpers/process.js'),
  import('../helpers/worker.js'),
]);

function lineCollector(lines: Record<string, unknown>[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
}

const isPg = (span: ReadableSpan) => span.attributes['db.system.name'] === 'postgresql';
const isRedis = (span: ReadableSpan) => span.attributes['db.system.name'] === 'redis';

describe('traces and log correlation across the API and the worker', () => {
  const apiLogs: Record<string, unknown>[] = [];
  const workerLogs: string[] = [];
  let cleanup: (() => Promise<void>)[] = [];
  let origin: string;
  let placeOrder: () => Promise<{ orderId: string; userId: string }>;
  let receiver: Awaited<ReturnType<typeof worker.startWebhookReceiver>>;
  let db: Awaited<ReturnType<typeof createDatabasePool>>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const config = testConfig(database.url, { LOG_LEVEL: 'info' });
    db = await createDatabasePool({
      url: database.url,
      maximumPoolSize: 4,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    const app = await buildApp({ config, db, redis, logStream: lineCollector(apiLogs) });
    app.get('/test/fails', async () => {
      throw new Error('could not reach the ledger', { cause: new Error('socket hang up') });
    });
    // A real listen, so the request goes through the HTTP server instrumentation.
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    receiver = await worker.startWebhookReceiver();
    const workerProcess = await worker.startTestWorker(
      worker.workerConfig(config, {
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: worker.webhookSecret,
        LOG_LEVEL: 'info',
      }),
      { logs: workerLogs },
    );
    cleanup = [
      () => workerProcess.close(),
      () => receiver.close(),
      () => app.close(),
      () => db.end(),
      async () => redis.disconnect(),
      () => database.drop(),
    ];

    const user = await registerAndLogIn(app);
    const product = await createProduct(db, { stock: 100 });
    placeOrder = async () => {
      const response = await fetch(`${origin}/api/v1/orders`, {
        method: 'POST',
        headers: { ...user.headers, 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
      });
      expect(response.status).toBe(201);
      const { order } = (await response.json()) as { order: { id: string } };
      return { orderId: order.id, userId: user.userId };
    };
  });

  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  it('when an order is placed without a traceparent, then the request, its statement, the publish, the payment job, the confirmation and both webhooks share one trace', async () => {
    exporter.reset();
    const { orderId, userId } = await placeOrder();
    await worker.waitForStatus(db, orderId, 'confirmed');
    const created = await worker.outboxEvent(db, orderId, 'order.created');
    await waitFor('both webhooks', () =>
      receiver.ofType('order.confirmed').some((hook) => hook.body.includes(orderId))
        ? true
        : undefined,
    );
    const spans = await waitFor('both webhook job spans', () => {
      const finished = exporter.getFinishedSpans();
      const jobs = finished.filter((span) => span.name === 'process send-webhook');
      return jobs.length === 2 ? finished : undefined;
    });

    const server = spans.find(
      (span) => span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/api/v1/orders',
    );
    expect(server?.name).toBe('POST /api/v1/orders');
    expect(parentOf(server!)).toBeUndefined();
    const traceId = server!.spanContext().traceId;
    const trace = spans.filter((span) => span.spanContext().traceId === traceId);
    const named = (name: string) => trace.filter((span) => span.name === name);
    const only = (name: string) => {
      const matching = named(name);
      expect(matching, name).toHaveLength(1);
      return matching[0]!;
    };
    const statement = (pattern: RegExp) =>
      trace.filter((span) => isPg(span) && pattern.test(String(span.attributes['db.query.text'])));

    // One statement creates the order, and the outbox row holds a context inside the request.
    const [create] = statement(/create_order/);
    expect(create && descendsFrom(create, server!, trace)).toBe(true);
    // One inbound layer: the statement hangs off the server span, no request or handler span
    // between them.
    expect(parentOf(create!)).toBe(server!.spanContext().spanId);
    expect(created.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const publish = only('publish authorize-payment');
    expect(publish.kind).toBe(SpanKind.PRODUCER);
    expect(descendsFrom(publish, server!, trace)).toBe(true);
    const payment = only('process authorize-payment');
    expect(payment.kind).toBe(SpanKind.CONSUMER);
    expect(descendsFrom(payment, publish, trace)).toBe(true);

    // The confirmation: the batch that settled it, and its statement, in the order's trace.
    const settle = only('settle payments');
    expect(descendsFrom(settle, payment, trace)).toBe(true);
    const [confirm] = statement(/apply_event_transitions/);
    expect(confirm && descendsFrom(confirm, settle, trace)).toBe(true);

    // The relay enqueues one delivery job per event and endpoint (the one from WEBHOOK_URL here)
    // as it publishes the event, in that event's context: order.created's from the request,
    // order.confirmed's from the payment job. Each job continues its publish, with a client span
    // per webhook.
    const publishes = named('publish send-webhook');
    expect(publishes).toHaveLength(2);
    for (const span of publishes) {
      expect(span.kind).toBe(SpanKind.PRODUCER);
      expect(descendsFrom(span, server!, trace)).toBe(true);
    }
    expect(publishes.filter((span) => descendsFrom(span, payment, trace))).toHaveLength(1);
    const notifications = named('process send-webhook');
    expect(notifications).toHaveLength(2);
    expect(notifications.map(parentOf).sort()).toEqual(
      publishes.map((span) => span.spanContext().spanId).sort(),
    );
    const webhookClients = trace.filter(
      (span) => span.kind === SpanKind.CLIENT && span.attributes['http.request.method'] === 'POST',
    );
    expect(webhookClients).toHaveLength(2);
    for (const client of webhookClients) {
      expect(notifications.some((job) => descendsFrom(client, job, trace))).toBe(true);
      expect(client.attributes['http.response.status_code']).toBe(200);
    }
    const delivered = receiver.received.find((hook) => hook.headers['webhook-id'] === created.id);
    expect(
      webhookClients.some(
        (client) =>
          delivered?.headers.traceparent === `00-${traceId}-${client.spanContext().spanId}-01`,
      ),
    ).toBe(true);

    // Query text only: no parameter values on any statement of the flow.
    for (const span of trace.filter(isPg)) {
      expect(span.attributes['db.postgresql.values']).toBeUndefined();
      const text = JSON.stringify(span.attributes);
      expect(text).not.toContain(orderId);
      expect(text).not.toContain(userId);
    }
    // Nothing else made a trace meanwhile: not the relay's polls, not pool housekeeping, and
    // not BullMQ's own Redis traffic (blocking polls, lock renewals, its scripts).
    expect(new Set(spans.map((span) => span.spanContext().traceId))).toEqual(new Set([traceId]));
    expect(spans.filter(isRedis)).toEqual([]);
  });

  it('when an order flows through, then log lines of both processes carry its trace id', async () => {
    exporter.reset();
    const { orderId } = await placeOrder();
    await worker.waitForStatus(db, orderId, 'confirmed');
    const created = await worker.outboxEvent(db, orderId, 'order.created');
    const traceId = created.traceparent!.split('-')[1];

    const apiLine = apiLogs.find(
      (line) =>
        line.msg === 'request completed' &&
        line.route === '/api/v1/orders' &&
        line.traceId === traceId,
    );
    expect(apiLine).toMatchObject({ service: 'api', requestId: expect.any(String) });
    expect(apiLine?.spanId).toMatch(/^[0-9a-f]{16}$/);

    const workerLine = await waitFor('the job log line', () =>
      workerLogs
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find(
          (line) =>
            line.eventId === created.id &&
            line.job === 'authorize-payment' &&
            line.msg === 'job processed',
        ),
    );
    expect(workerLine).toMatchObject({ service: 'worker', traceId, jobId: `evt-${created.id}` });
    expect(workerLine.spanId).toMatch(/^[0-9a-f]{16}$/);

    // Every line says which process wrote it.
    expect(apiLogs.every((line) => line.service === 'api')).toBe(true);
    expect(
      workerLogs.every((line) => (JSON.parse(line) as { service?: string }).service === 'worker'),
    ).toBe(true);
  });

  it('when a request fails unexpectedly, then the error is logged once, with its cause and trace id', async () => {
    exporter.reset();
    const response = await fetch(`${origin}/test/fails`, {
      headers: { 'x-request-id': 'fails-1' },
    });
    expect(response.status).toBe(500);
    await response.arrayBuffer();
    const errors = apiLogs.filter((line) => line.requestId === 'fails-1' && line.err);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      level: 'error',
      err: {
        message: 'could not reach the ledger',
        cause: { type: 'Error', message: 'socket hang up' },
      },
    });
    const server = await waitFor('the server span', () =>
      exporter
        .getFinishedSpans()
        .find(
          (span) =>
            span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/test/fails',
        ),
    );
    expect(errors[0]?.traceId).toBe(server.spanContext().traceId);
  });
});
