import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn } from '../../../domain/auth/log-in.js';
import type { AppDeps } from '../../deps.js';
import { loginLimits } from '../../rate-limits.js';
import { emailInput, problems, sessionSchema } from '../../schemas.js';

const loginRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const limits = loginLimits(app, deps.config);

  app.post('/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Exchange email and password for an access and a refresh token',
      body: z
        .strictObject({ email: emailInput, password: z.string().min(1).max(128) })
        .meta({ examples: [{ email: 'demo@example.com', password: 'demo-password' }] }),
      response: { 200: sessionSchema, ...problems(400, 401, 415, 429) },
    },
    // Per IP before the body is even parsed; per email once it is known to be an email.
    onRequest: async (request, reply) => limits.perIp(request, reply),
    preHandler: async (request, reply) => limits.perEmail(request, reply, request.body.email),
    handler: async (request) => logIn(deps.auth, request.body),
  });
};

export default loginRoute;
