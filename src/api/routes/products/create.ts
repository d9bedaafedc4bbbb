import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createProduct } from '../../../domain/catalog/create-product.js';
import type { AppDeps } from '../../deps.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { createProductBody, etag, productResponse } from './schemas.js';

const createProductRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/products', {
    schema: {
      tags: ['products'],
      summary: 'Create a product (admin); currency defaults to USD',
      security: bearerAuth,
      body: createProductBody,
      response: { 201: productResponse, ...problems(400, 401, 403, 409, 415) },
      responseHeaders: { 201: ['Location', 'ETag'] },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      const { description, sku, ...fields } = request.body;
      const product = await createProduct(deps, {
        ...fields,
        description: description ?? null,
        sku: sku ?? null,
      });
      return reply
        .code(201)
        .header('location', `${app.prefix}/products/${product.id}`)
        .header('etag', etag(product.version))
        .send({ product });
    },
  });
};

export default createProductRoute;
