import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerUser } from '../../../domain/auth/register-user.js';
import type { AppDeps } from '../../deps.js';
import { emailInput, passwordInput, problems, userResponse } from '../../schemas.js';

const registerRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
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
      response: { 201: userResponse, ...problems(400, 409, 415) },
    },
    handler: async (request, reply) => {
      const user = await registerUser(deps, request.body);
      return reply.code(201).send({ user });
    },
  });
};

export default registerRoute;
