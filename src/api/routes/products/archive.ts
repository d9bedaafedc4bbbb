import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { archiveProduct } from '../../../domain/catalog/archive-product.js';
import type { AppDeps } from '../../deps.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { productParams } from './schemas.js';

const archiveProductRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.delete('/products/:id', {
    schema: {
      tags: ['products'],
      summary:
        'Archive a product (admin): no longer listed, fetched, updated or orderable; order lines keep it. A second DELETE answers 404',
      security: bearerAuth,
      params: productParams,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      await archiveProduct(deps, request.params.id);
      return reply.code(204).send(null);
    },
  });
};

export default archiveProductRoute;
