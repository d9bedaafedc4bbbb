import type { FastifyInstance, FastifyReply, onResponseHookHandler } from 'fastify';
import type { ApiMetrics } from '../../metrics.js';

export const metricsPath = '/metrics';

/** Fixed route label for requests no route matched, so random URLs add no series. */
export const unmatchedRoute = 'unmatched';

type Observe = (method: string, reply: FastifyReply) => void;

/**
 * Observes one route pattern's answers through label children made on the first answer of each
 * method and status and reused after, so a request only increments (no label object, no lookup
 * by label values in prom-client).
 */
function routeObserver(metrics: ApiMetrics, route: string): Observe {
  const byMethod = new Map<string, Map<number, ReturnType<typeof childrenOf>>>();
  const childrenOf = (method: string, status: number) => {
    const labels = { method, route, status_code: status };
    const errors = new Map<string, ReturnType<ApiMetrics['httpErrors']['labels']>>();
    return {
      requests: metrics.httpRequests.labels(labels),
      duration: metrics.httpRequestDuration.labels(labels),
      error: (code: string) => {
        let child = errors.get(code);
        if (!child) errors.set(code, (child = metrics.httpErrors.labels({ ...labels, code })));
        return child;
      },
    };
  };
  return (method, reply) => {
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    const status = reply.statusCode;
    let children = byStatus.get(status);
    if (!children) byStatus.set(status, (children = childrenOf(method, status)));
    children.requests.inc();
    children.duration.observe(reply.elapsedTime / 1000);
    if (status >= 400) children.error(reply.problemCode ?? 'none').inc();
  };
}

/**
 * RED metrics by route pattern and GET /metrics in Prometheus text format. Each route gets its
 * own onResponse hook at registration, with its pattern fixed then; requests no route matched
 * are observed by one app-wide hook. Scrapes themselves are left out of the HTTP metrics:
 * Prometheus records them as `up` and `scrape_duration_seconds`, and they would skew the API's
 * rates. No OpenMetrics (hence no exemplars): prom-client 15.1.3 then appends a second `_total`
 * to counters already named `*_total`, which would break every dashboard and alert.
 */
export function registerMetrics(app: FastifyInstance, metrics: ApiMetrics): void {
  app.addHook('onRoute', (route) => {
    if (route.url === metricsPath) return;
    const observe = routeObserver(metrics, route.url);
    // Callback style: no promise per request on the hot path.
    const hook: onResponseHookHandler = (request, reply, done) => {
      observe(request.method, reply);
      done();
    };
    route.onResponse = [route.onResponse ?? [], hook].flat();
  });
  const observeUnmatched = routeObserver(metrics, unmatchedRoute);
  app.addHook('onResponse', (request, reply, done) => {
    if (request.is404) observeUnmatched(request.method, reply);
    done();
  });

  app.get(metricsPath, { schema: { hide: true } }, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
