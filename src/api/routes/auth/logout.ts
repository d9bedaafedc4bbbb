import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logOut, logOutEverywhere } from '../../../domain/auth/log-out.js';
import type { AppDeps } from '../../deps.js';
import { requireUser } from '../../auth.js';
import { bearerAuth, problems, refreshTokenBody } from '../../schemas.js';

const logoutRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/auth/logout', {
    schema: {
      tags: ['auth'],
      summary: 'Revoke one refresh token (204 also when it was already revoked or is unknown)',
      body: refreshTokenBody,
      response: { 204: z.null(), ...problems(400, 415) },
    },
    handler: async (request, reply) => {
      await logOut(deps, request.body.refreshToken);
      return reply.code(204).send(null);
    },
  });

  app.post('/auth/logout-all', {
    schema: {
      tags: ['auth'],
      summary: 'Revoke every refresh token of the caller',
      security: bearerAuth,
      response: { 204: z.null(), ...problems(401) },
    },
    preHandler: requireUser,
    handler: async (request, reply) => {
      await logOutEverywhere(deps, request.user.sub);
      return reply.code(204).send(null);
    },
  });
};

export default logoutRoutes;
