import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  changeWebhookEndpoint,
  createWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpointsPage,
  removeWebhookEndpoint,
  rotateWebhookSecret,
} from '../../../domain/webhooks/endpoints.js';
import { requireAdmin } from '../../auth.js';
import { bearerAuth, problems } from '../../schemas.js';
import type { WebhookRouteDeps } from './index.js';
import {
  createEndpointBody,
  endpointPageSchema,
  endpointParams,
  endpointResponse,
  endpointWithSecretResponse,
  listEndpointsQuery,
  updateEndpointBody,
} from './schemas.js';

const tags = ['webhooks'];

const endpointRoutes: FastifyPluginAsyncZod<WebhookRouteDeps> = async (app, deps) => {
  app.post('/webhook-endpoints', {
    schema: {
      tags,
      summary: 'Add a webhook endpoint (admin); its signing secret is in this answer only',
      security: bearerAuth,
      body: createEndpointBody,
      response: { 201: endpointWithSecretResponse, ...problems(400, 401, 403, 415) },
      responseHeaders: { 201: ['Location'] },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      const created = await createWebhookEndpoint(deps.webhooks, request.body);
      return reply
        .code(201)
        .header('location', `${app.prefix}/webhook-endpoints/${created.endpoint.id}`)
        .send(created);
    },
  });

  app.get('/webhook-endpoints', {
    schema: {
      tags,
      summary: 'Webhook endpoints, newest first (admin); pass nextCursor back as cursor',
      security: bearerAuth,
      querystring: listEndpointsQuery,
      response: { 200: endpointPageSchema, ...problems(400, 401, 403) },
    },
    onRequest: requireAdmin,
    handler: async (request) => listWebhookEndpointsPage(deps.webhooks, request.query),
  });

  app.get('/webhook-endpoints/:id', {
    schema: {
      tags,
      summary: 'One webhook endpoint (admin)',
      security: bearerAuth,
      params: endpointParams,
      response: { 200: endpointResponse, ...problems(400, 401, 403, 404) },
    },
    onRequest: requireAdmin,
    handler: async (request) => ({
      endpoint: await getWebhookEndpoint(deps.webhooks, request.params.id),
    }),
  });

  app.patch('/webhook-endpoints/:id', {
    schema: {
      tags,
      summary: 'Change the URL, event types, description or enabled flag (admin)',
      security: bearerAuth,
      params: endpointParams,
      body: updateEndpointBody,
      response: { 200: endpointResponse, ...problems(400, 401, 403, 404, 415) },
    },
    onRequest: requireAdmin,
    handler: async (request) => ({
      endpoint: await changeWebhookEndpoint(deps.webhooks, request.params.id, request.body),
    }),
  });

  app.delete('/webhook-endpoints/:id', {
    schema: {
      tags,
      summary: 'Remove a webhook endpoint and its delivery log (admin)',
      security: bearerAuth,
      params: endpointParams,
      response: { 204: z.null(), ...problems(400, 401, 403, 404) },
    },
    onRequest: requireAdmin,
    handler: async (request, reply) => {
      await removeWebhookEndpoint(deps.webhooks, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/webhook-endpoints/:id/rotate-secret', {
    schema: {
      tags,
      summary: 'Replace the signing secret (admin); the next delivery attempt uses the new one',
      security: bearerAuth,
      params: endpointParams,
      response: { 200: endpointWithSecretResponse, ...problems(400, 401, 403, 404) },
    },
    onRequest: requireAdmin,
    handler: async (request) => rotateWebhookSecret(deps.webhooks, request.params.id),
  });
};

export default endpointRoutes;
