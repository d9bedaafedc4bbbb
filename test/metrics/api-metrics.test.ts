import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/auth.js';
import { createProduct } from '../helpers/factories.js';
import { labelValues, scrape, valueOf } from './scrape.js';

const ctx = useTestApp();
const productRoute = '/api/v1/products/:id';

describe('API /metrics', () => {
  let productId: string;

  beforeAll(async () => {
    productId = (await createProduct(ctx.db)).id;
  });

  it('when a product is read, then http_requests_total moves for the route pattern, not the raw id', async () => {
    const labels = { method: 'GET', route: productRoute, status_code: '200' };
    const before = await scrape(ctx.app.metricsServer!);

    const response = await ctx.app.inject({ method: 'GET', url: `/api/v1/products/${productId}` });
    expect(response.statusCode).toBe(200);

    const after = await scrape(ctx.app.metricsServer!);
    expect(valueOf(after, 'http_requests_total', labels)).toBe(
      valueOf(before, 'http_requests_total', labels) + 1,
    );
    expect(valueOf(after, 'http_request_duration_seconds_count', labels)).toBe(
      valueOf(before, 'http_request_duration_seconds_count', labels) + 1,
    );
    expect(after.some((sample) => Object.values(sample.labels).includes(productId))).toBe(false);
    // Success answers are not errors.
    expect(valueOf(after, 'http_errors_total', { route: productRoute, status_code: '200' })).toBe(
      0,
    );
  });

  it('when a product does not exist, then http_errors_total carries code NOT_FOUND on the route', async () => {
    const labels = {
      method: 'GET',
      route: productRoute,
      status_code: '404',
      code: 'NOT_FOUND',
    };
    const before = await scrape(ctx.app.metricsServer!);

    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/products/${randomUUID()}`,
    });
    expectProblem(response, 404, 'NOT_FOUND');

    const after = await scrape(ctx.app.metricsServer!);
    expect(valueOf(after, 'http_errors_total', labels)).toBe(
      valueOf(before, 'http_errors_total', labels) + 1,
    );
  });

  it('when a request fails validation, then http_errors_total carries code VALIDATION_FAILED', async () => {
    const labels = { route: productRoute, status_code: '400', code: 'VALIDATION_FAILED' };
    const before = await scrape(ctx.app.metricsServer!);

    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/products/not-a-uuid' });
    expectProblem(response, 400, 'VALIDATION_FAILED');

    const after = await scrape(ctx.app.metricsServer!);
    expect(valueOf(after, 'http_errors_total', labels)).toBe(
      valueOf(before, 'http_errors_total', labels) + 1,
    );
  });

  it('when 50 random unknown URLs are requested, then they add no route label values beyond "unmatched"', async () => {
    await ctx.app.inject({ method: 'GET', url: '/no-such-route-warmup' });
    const before = await scrape(ctx.app.metricsServer!);
    const unmatched = { route: 'unmatched', status_code: '404', code: 'NOT_FOUND' };

    for (let i = 0; i < 50; i++) {
      const response = await ctx.app.inject({
        method: i % 2 ? 'GET' : 'POST',
        url: `/${randomBytes(6).toString('hex')}/${randomUUID()}?q=${i}`,
      });
      expect(response.statusCode).toBe(404);
    }

    const after = await scrape(ctx.app.metricsServer!);
    for (const name of ['http_requests_total', 'http_errors_total']) {
      expect(labelValues(after, name, 'route')).toEqual(labelValues(before, name, 'route'));
    }
    expect(valueOf(after, 'http_errors_total', unmatched)).toBe(
      valueOf(before, 'http_errors_total', unmatched) + 50,
    );
  });

  it('when GET /metrics reaches the API port, then 404: metrics have their own listener', async () => {
    expectProblem(await ctx.app.inject({ method: 'GET', url: '/metrics' }), 404, 'NOT_FOUND');
    expect(ctx.app.metricsServer).not.toBeNull();
  });

  it('when /metrics is scraped, then scrapes are not counted as HTTP requests', async () => {
    await scrape(ctx.app.metricsServer!);
    const samples = await scrape(ctx.app.metricsServer!);
    expect(labelValues(samples, 'http_requests_total', 'route').has('/metrics')).toBe(false);
  });

  it('when scraped, then every series is labelled service="orders-api" and the process metrics are there', async () => {
    await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const samples = await scrape(ctx.app.metricsServer!);

    expect(samples.length).toBeGreaterThan(0);
    expect(samples.filter((sample) => sample.labels.service !== 'orders-api')).toEqual([]);
    const names = new Set(samples.map((sample) => sample.name));
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds_bucket',
      'db_pool_connections',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(names).toContain(name);
    }
    expect(labelValues(samples, 'db_pool_connections', 'state')).toEqual(
      new Set(['total', 'idle', 'waiting']),
    );
  });
});

describe('when METRICS_ENABLED is false', () => {
  const off = useTestApp({ METRICS_ENABLED: 'false' });

  it('then the API serves no /metrics (so the bench can measure what metrics cost)', async () => {
    expect(off.app.metricsServer).toBeNull();
  });
});
