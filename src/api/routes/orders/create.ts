import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createOrder } from '../../../domain/orders/create-order.js';
import type { AppDeps } from '../../deps.js';
import { requireUserCheckedByRoute } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import { createOrderBody, createOrderHeaders, orderResponse } from './schemas.js';
import { traceContextOf } from './trace-context.js';

const createOrderRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/orders', {
    schema: {
      tags: ['orders'],
      summary:
        'Place an order: stock is checked and taken atomically. Optional Idempotency-Key makes retries safe',
      security: bearerAuth,
      headers: createOrderHeaders,
      body: createOrderBody,
      response: { 201: orderResponse, ...problems(400, 401, 409, 413, 415, 422) },
      responseHeaders: { 201: ['Location', 'Idempotency-Replayed'] },
    },
    onRequest: requireUserCheckedByRoute,
    handler: async (request, reply) => {
      const { order, replayed } = await createOrder(deps, {
        userId: request.user.sub,
        items: request.body.items,
        idempotencyKey: request.headers['idempotency-key'],
        trace: traceContextOf(request.headers),
      });
      if (replayed) reply.header('idempotency-replayed', 'true');
      return reply.code(201).header('location', `/api/v1/orders/${order.id}`).send({ order });
    },
  });
};

export default createOrderRoute;
