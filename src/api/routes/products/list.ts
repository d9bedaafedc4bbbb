import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listProducts } from '../../../domain/catalog/list-products.js';
import type { AppDeps } from '../../deps.js';
import { problems } from '../../schemas.js';
import { listProductsQuery, productPageSchema } from './schemas.js';

const listProductsRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/products', {
    schema: {
      tags: ['products'],
      summary: 'Live products, oldest first; pass nextCursor back as cursor for the next page',
      querystring: listProductsQuery,
      response: { 200: productPageSchema, ...problems(400) },
    },
    handler: async (request) => listProducts(deps, request.query),
  });
};

export default listProductsRoute;
