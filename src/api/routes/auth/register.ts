import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerUser } from '../../../domain/auth/register-user.js';
import type { AppDeps } from '../../deps.js';
import { createRateLimit } from '../../rate-limits.js';
import { emailInput, passwordInput, problems, userResponse } from '../../schemas.js';

const registerRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  // Each account costs an argon2 hash and a row: bounded per client IP.
  const limitPerIp = createRateLimit(app, {
    name: 'register:ip',
    max: deps.config.REGISTER_RATE_LIMIT_PER_IP,
    what: 'registrations',
  });

  app.post('/auth/register', {
    schema: {
      tags: ['auth'],
      summary: 'Create an account (role is always user)',
      body: z
        .strictObject({
          email: emailInput,
          password: passwordInput,
          name: z
            .string()
            .trim()
            .min(1)
            .max(200)
            // Postgres text cannot hold NUL (it would be a 500), and no name needs control characters.
            .regex(/^\P{Cc}*$/u, 'must not contain control characters')
            .refine((name) => name.isWellFormed(), 'must be well-formed Unicode')
            .optional(),
        })
        .meta({
          examples: [{ email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' }],
        }),
      response: { 201: userResponse, ...problems(400, 409, 415, 429) },
    },
    onRequest: async (request, reply) => limitPerIp(request, reply),
    handler: async (request, reply) => {
      const user = await registerUser(deps, request.body);
      return reply.code(201).send({ user });
    },
  });
};

export default registerRoute;
