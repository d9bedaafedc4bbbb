import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { refreshSession } from '../../../domain/auth/refresh-session.js';
import type { AppDeps } from '../../deps.js';
import { problems, refreshTokenBody, sessionSchema } from '../../schemas.js';

const refreshRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post('/auth/refresh', {
    schema: {
      tags: ['auth'],
      summary: 'Rotate a refresh token; reusing a rotated one revokes its whole family',
      body: refreshTokenBody,
      response: { 200: sessionSchema, ...problems(400, 401, 415) },
    },
    handler: async (request) => refreshSession(deps.auth, request.body.refreshToken),
  });
};

export default refreshRoute;
