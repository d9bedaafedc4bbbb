import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getProduct } from '../../../domain/catalog/get-product.js';
import type { AppDeps } from '../../deps.js';
import { problems } from '../../schemas.js';
import { etag, productParams, productResponse } from './schemas.js';

const getProductRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/products/:id', {
    schema: {
      tags: ['products'],
      summary: 'One live product (400 for a non-UUID id; 404 when unknown or archived)',
      params: productParams,
      response: { 200: productResponse, ...problems(400, 404) },
      responseHeaders: { 200: ['ETag'] },
    },
    handler: async (request, reply) => {
      const product = await getProduct(deps, request.params.id);
      return reply.header('etag', etag(product.version)).send({ product });
    },
  });
};

export default getProductRoute;
