import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { updateProduct } from '../../../domain/catalog/update-product.js';
import type { AppDeps } from '../../deps.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import {
  etag,
  ifMatchHeaders,
  productParams,
  productResponse,
  updateProductBody,
  versionFromIfMatch,
} from './schemas.js';

const updateProductRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.patch('/products/:id', {
    schema: {
      tags: ['products'],
      summary:
        'Change any non-empty subset of fields (admin). If-Match: "<version>" (W/ tolerated, * = any) guards against lost updates: 412 when stale',
      security: bearerAuth,
      params: productParams,
      headers: ifMatchHeaders,
      body: updateProductBody,
      response: { 200: productResponse, ...problems(400, 401, 403, 404, 409, 412, 415) },
      responseHeaders: { 200: ['ETag'] },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      const product = await updateProduct(deps, {
        id: request.params.id,
        changes: request.body,
        expectedVersion: versionFromIfMatch(request.headers['if-match']),
      });
      return reply.header('etag', etag(product.version)).send({ product });
    },
  });
};

export default updateProductRoute;
