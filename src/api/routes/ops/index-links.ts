import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { openApiPath } from '../../openapi.js';
import { noQuery, problems } from '../../schemas.js';

const links = {
  api: '/api/v1',
  docs: '/docs',
  openapi: openApiPath,
  liveness: '/healthz',
  readiness: '/readyz',
  products: '/api/v1/products',
  orders: '/api/v1/orders',
} as const;

const indexSchema = z
  .object({
    service: z.literal('orders'),
    links: z.object(
      Object.fromEntries(Object.keys(links).map((name) => [name, z.string()])) as Record<
        keyof typeof links,
        z.ZodString
      >,
    ),
  })
  .meta({ description: 'Where to go from here', examples: [{ service: 'orders', links }] });

/** `/` and `/api/v1` answer with links rather than 404, so the first URL anyone tries helps. */
const indexRoutes: FastifyPluginAsyncZod<AppDeps> = async (app) => {
  for (const url of ['/', links.api]) {
    app.get(url, {
      schema: {
        tags: ['operations'],
        summary: 'Links to the API reference, the OpenAPI document and health checks',
        querystring: noQuery,
        response: { 200: indexSchema, ...problems(400) },
      },
      handler: async () => ({ service: 'orders' as const, links }),
    });
  }
};

export default indexRoutes;
