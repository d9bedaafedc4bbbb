import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listProducts } from '../../../domain/catalog/list-products.js';
import type { AppDeps } from '../../deps.js';
import { createRateLimit } from '../../rate-limits.js';
import { problems } from '../../schemas.js';
import { listProductsQuery, productPageSchema } from './schemas.js';

const listProductsRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const limitSearches = createRateLimit(app, {
    name: 'search:ip',
    max: deps.config.SEARCH_RATE_LIMIT_PER_IP,
    what: 'searches',
  });

  app.get('/products', {
    schema: {
      tags: ['products'],
      summary: 'Live products, oldest first; pass nextCursor back as cursor for the next page',
      querystring: listProductsQuery,
      response: { 200: productPageSchema, ...problems(400, 429) },
    },
    // Searches cost more than pages of the keyset index, so only they are counted.
    onRequest: async (request, reply) =>
      isSearch(request.query) ? limitSearches(request, reply) : undefined,
    handler: async (request) => listProducts(deps, request.query),
  });
};

/** Before validation, so malformed searches count too. */
function isSearch(query: unknown): boolean {
  const q = (query as { q?: unknown }).q;
  return q !== undefined && q !== '';
}

export default listProductsRoute;
