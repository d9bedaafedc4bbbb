import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getUser } from '../../../domain/auth/users.js';
import { isDomainError, DomainError } from '../../../domain/errors.js';
import type { AppDeps } from '../../deps.js';
import { requireUserCheckedByRoute } from '../../auth.js';
import { bearerAuth, problems, userResponse } from '../../schemas.js';

const meRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/users/me', {
    schema: {
      tags: ['users'],
      summary: 'The signed-in user',
      security: bearerAuth,
      response: { 200: userResponse, ...problems(401) },
    },
    preHandler: requireUserCheckedByRoute,
    handler: async (request) => {
      try {
        return { user: await getUser(deps, request.user.sub) };
      } catch (error) {
        // A valid token for a deleted account authenticates no one.
        if (isDomainError(error, 'NOT_FOUND')) {
          throw new DomainError('UNAUTHENTICATED', 'The account no longer exists');
        }
        throw error;
      }
    },
  });
};

export default meRoute;
