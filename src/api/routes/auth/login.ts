import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logIn } from '../../../domain/auth/log-in.js';
import type { AppDeps } from '../../deps.js';
import { sendProblem } from '../../problem.js';
import { emailInput, problems, sessionSchema } from '../../schemas.js';

const loginRoute: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const timeWindow = 60_000;
  // Two independent limits: per client IP (before parsing) and per account (after validation).
  const limitPerIp = app.createRateLimit({
    max: deps.config.LOGIN_RATE_LIMIT_PER_IP,
    timeWindow,
    keyGenerator: (request) => `login:ip:${request.ip}`,
  });
  const limitPerEmail = app.createRateLimit({
    max: deps.config.LOGIN_RATE_LIMIT_PER_EMAIL,
    timeWindow,
    keyGenerator: (request) => `login:email:${(request.body as { email: string }).email}`,
  });

  app.post('/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Exchange email and password for an access and a refresh token',
      body: z
        .strictObject({ email: emailInput, password: z.string().min(1).max(128) })
        .meta({ examples: [{ email: 'demo@example.com', password: 'demo-password' }] }),
      response: { 200: sessionSchema, ...problems(400, 401, 415, 429) },
    },
    onRequest: async (request, reply) => {
      const limit = await limitPerIp(request);
      if (!limit.isAllowed && limit.isExceeded) return tooMany(reply, limit.ttlInSeconds);
    },
    preHandler: async (request, reply) => {
      const limit = await limitPerEmail(request);
      if (!limit.isAllowed && limit.isExceeded) return tooMany(reply, limit.ttlInSeconds);
    },
    handler: async (request) => logIn(deps.auth, request.body),
  });
};

function tooMany(reply: FastifyReply, retryAfterSeconds: number) {
  reply.header('retry-after', String(Math.max(1, retryAfterSeconds)));
  return sendProblem(reply, 'RATE_LIMITED', 'Too many login attempts; retry later');
}

export default loginRoute;
