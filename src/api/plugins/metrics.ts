import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type onResponseHookHandler,
} from 'fastify';
import type { ApiMetrics } from '../../metrics.js';

export const metricsPath = '/metrics';

/** Fixed route label for requests no route matched, so random URLs add no series. */
export const unmatchedRoute = 'unmatched';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Serves GET /metrics on its own listener (METRICS_HOST:METRICS_PORT), never on the API's
     * public port; null when METRICS_ENABLED is false. Closed with the API.
     */
    metricsServer: FastifyInstance | null;
  }
}

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
 * RED metrics by route pattern, and a separate server for GET /metrics in Prometheus text
 * format (so scrapes are neither reachable on the API port nor counted as its requests). Each
 * route gets its own onResponse hook at registration, with its pattern fixed then; requests no
 * route matched are observed by one app-wide hook. No OpenMetrics (hence no exemplars):
 * prom-client 15.1.3 then appends a second `_total` to counters already named `*_total`, which
 * would break every dashboard and alert.
 */
export function registerMetrics(app: FastifyInstance, metrics: ApiMetrics | null): void {
  if (!metrics) {
    app.decorate('metricsServer', null);
    return;
  }
  app.addHook('onRoute', (route) => {
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

  const server = Fastify({
    loggerInstance: app.log.child({ listener: 'metrics' }),
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  server.get(metricsPath, async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
  app.decorate('metricsServer', server);
  // After the API's own close: the drain stays observable to the end.
  app.addHook('onClose', async () => server.close());
}
