import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { AccessTokenClaims } from '../domain/auth/session.js';
import { DomainError } from '../domain/errors.js';
import { roles, type Role } from '../db/users.js';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: AccessTokenClaims & { iat: number; exp: number };
  }
}

export async function registerJwt(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyJwt, {
    secret: config.JWT_SECRET,
    sign: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL },
    // Pinning the algorithm rejects `alg: none` and algorithm-confusion tokens.
    verify: { algorithms: ['HS256'] },
  });
}

// A good signature is not enough: claims the handlers rely on must have the right shape too.
const verifiedClaims = z.object({
  sub: z.uuid(),
  role: z.enum(roles),
  jti: z.string().min(1),
  iat: z.number(),
  exp: z.number(),
});

async function authenticate(request: FastifyRequest): Promise<void> {
  const unauthenticated = new DomainError('UNAUTHENTICATED', 'A valid access token is required');
  try {
    await request.jwtVerify();
  } catch {
    throw unauthenticated;
  }
  if (!verifiedClaims.safeParse(request.user).success) throw unauthenticated;
}

/** Route guard: any signed-in user, or only the given role. */
export function requireRole(role?: Role): preHandlerAsyncHookHandler {
  return async function guard(request) {
    await authenticate(request);
    if (role && request.user.role !== role) {
      throw new DomainError('FORBIDDEN', `This action requires the ${role} role`);
    }
  };
}

export const requireUser = requireRole();
export const requireAdmin = requireRole('admin');
