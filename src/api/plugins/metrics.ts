import type { FastifyInstance } from 'fastify';
import type { ApiMetrics } from '../../metrics.js';

export const metricsPath = '/metrics';

/** Fixed route label for requests no route matched, so random URLs add no series. */
export const unmatchedRoute = 'unmatched';

/**
 * RED metrics by route pattern, observed in one onResponse hook, and GET /metrics in
 * Prometheus text format. Scrapes themselves are left out of the HTTP metrics: Prometheus
 * records them as `up` and `scrape_duration_seconds`, and they would skew the API's rates.
 * No OpenMetrics (hence no exemplars): prom-client 15.1.3 then appends a second `_total` to
 * counters already named `*_total`, which would break every dashboard and alert.
 */
export function registerMetrics(app: FastifyInstance, metrics: ApiMetrics): void {
  // Callback style: no promise per request on the hot path.
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? unmatchedRoute;
    if (route !== metricsPath) {
      const labels = { method: request.method, route, status_code: reply.statusCode };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
      if (reply.statusCode >= 400) {
        metrics.httpErrors.inc({ ...labels, code: reply.problemCode ?? 'none' });
      }
    }
    done();
  });

  app.get(metricsPath, { schema: { hide: true } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
