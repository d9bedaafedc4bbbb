import { SpanKind } from '@opentelemetry/api';
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
  payment,
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
  import('../helpers/payment.js'),
  import('../helpers/worker.js'),
]);

describe('the trace of one order with a payment endpoint', () => {
  let cleanup: (() => Promise<void>)[] = [];

  afterAll(async () => {
    for (const step of cleanup) await step();
  });

  let origin: string;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let db: Awaited<ReturnType<typeof createDatabasePool>>;
  let stub: Awaited<ReturnType<typeof payment.startPaymentStub>>;
  let receiver: Awaited<ReturnType<typeof worker.startWebhookReceiver>>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const config = testConfig(database.url);
    db = await createDatabasePool({
      url: database.url,
      maximumPoolSize: 4,
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    });
    const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    app = await buildApp({ config, db, redis });
    origin = await app.listen({ host: '127.0.0.1', port: 0 });
    stub = await payment.startPaymentStub();
    receiver = await worker.startWebhookReceiver();
    const workerProcess = await worker.startTestWorker(
      worker.workerConfig(config, {
        PAYMENT_URL: stub.url,
        PAYMENT_SECRET: payment.paymentSecret,
        WEBHOOK_URL: receiver.url,
        WEBHOOK_SECRET: worker.webhookSecret,
      }),
    );
    cleanup = [
      () => workerProcess.close(),
      () => receiver.close(),
      () => stub.close(),
      () => app.close(),
      () => db.end(),
      async () => redis.disconnect(),
      () => database.drop(),
    ];
  });

  it('when an order is placed, then HTTP → SQL → outbox → job → payment call → confirmation → webhook is one trace', async () => {
    const user = await registerAndLogIn(app);
    const product = await createProduct(db, { stock: 10 });
    exporter.reset();
    const response = await fetch(`${origin}/api/v1/orders`, {
      method: 'POST',
      headers: { ...user.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] }),
    });
    expect(response.status).toBe(201);
    const { order } = (await response.json()) as { order: { id: string } };
    await worker.waitForStatus(db, order.id, 'confirmed');
    const spans = await waitFor('the order.confirmed webhook job span', () => {
      const finished = exporter.getFinishedSpans();
      const jobs = finished.filter((span) => span.name === 'process send-webhook');
      return jobs.length === 2 ? finished : undefined;
    });

    const server = spans.find(
      (span) => span.kind === SpanKind.SERVER && span.attributes['http.route'] === '/api/v1/orders',
    )!;
    const traceId = server.spanContext().traceId;
    const trace = spans.filter((span) => span.spanContext().traceId === traceId);
    const only = (name: string) => {
      const matching = trace.filter((span) => span.name === name);
      expect(matching, name).toHaveLength(1);
      return matching[0]!;
    };
    const job = only('process authorize-payment');
    expect(descendsFrom(job, only('publish authorize-payment'), trace)).toBe(true);
    expect(descendsFrom(job, server, trace)).toBe(true);

    // The payment call: a client span under the job, whose id the endpoint received.
    const calls = trace.filter(
      (span) =>
        span.kind === SpanKind.CLIENT && String(span.attributes['url.full']).startsWith(stub.url),
    );
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(descendsFrom(call!, job, trace)).toBe(true);
    expect(call!.attributes['http.response.status_code']).toBe(200);
    expect(stub.about(order.id)[0]?.headers.traceparent).toBe(
      `00-${traceId}-${call!.spanContext().spanId}-01`,
    );

    // Then the confirmation, in the job's trace, and the webhook announcing it: the relay's
    // publish of order.confirmed's delivery, its job and the outgoing POST.
    const settle = only('settle payments');
    expect(descendsFrom(settle, job, trace)).toBe(true);
    const publishes = trace.filter(
      (span) => span.name === 'publish send-webhook' && descendsFrom(span, job, trace),
    );
    expect(publishes).toHaveLength(1);
    const notifications = trace.filter(
      (span) => span.name === 'process send-webhook' && descendsFrom(span, job, trace),
    );
    expect(notifications).toHaveLength(1);
    expect(parentOf(notifications[0]!)).toBe(publishes[0]!.spanContext().spanId);
    const posts = trace.filter(
      (span) =>
        span.kind === SpanKind.CLIENT && String(span.attributes['url.full']) === receiver.url,
    );
    expect(posts.filter((post) => descendsFrom(post, notifications[0]!, trace))).toHaveLength(1);
  });
});
