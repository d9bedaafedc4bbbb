import { context } from '@opentelemetry/api';
import { getRPCMetadata, RPCType } from '@opentelemetry/core';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';

/**
 * Names the HTTP server span, the one inbound span, after the route pattern
 * (`GET /api/v1/products/:id`, and its http.route) the way instrumentation-http reads it. The
 * pattern is fixed per route when the route is registered; without a running SDK there is no
 * metadata and the hook does nothing.
 */
export function registerRouteNaming(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const pattern = route.url;
    const nameSpan: onRequestHookHandler = (_request, _reply, done) => {
      const metadata = getRPCMetadata(context.active());
      if (metadata?.type === RPCType.HTTP) metadata.route = pattern;
      done();
    };
    route.onRequest = [nameSpan, route.onRequest ?? []].flat();
  });
}
