import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { DatabasePool } from 'slonik';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { AccessTokenClaims } from '../domain/auth/session.js';
import { currentRole } from '../domain/auth/users.js';
import { DomainError } from '../domain/errors.js';
import { roles, type Role } from '../db/users.js';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: AccessTokenClaims & { iat: number; exp: number };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The account's current role, null once it is deleted: a token outlives neither. */
    accountRole: (userId: string) => Promise<Role | null>;
  }
}

export async function registerJwt(
  app: FastifyInstance,
  config: Config,
  db: DatabasePool,
): Promise<void> {
  app.decorate('accountRole', (userId: string) => currentRole({ db }, userId));
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

const unauthenticated = () =>
  new DomainError('UNAUTHENTICATED', 'A valid access token is required');

async function authenticate(request: FastifyRequest, checkAccount: boolean): Promise<void> {
  try {
    await request.jwtVerify();
  } catch {
    throw unauthenticated();
  }
  if (!verifiedClaims.safeParse(request.user).success) throw unauthenticated();
  if (!checkAccount) return;
  // A deleted account's tokens stop at once; a changed role applies at once, not at expiry.
  const role = await request.server.accountRole(request.user.sub);
  if (role === null) throw unauthenticated();
  request.user.role = role;
}

/**
 * Route guard: any signed-in user, or only the given role. `accountCheckedByRoute` skips the
 * account lookup for a route whose own statement refuses a missing user with 401 anyway.
 */
export function requireRole(
  role?: Role,
  { accountCheckedByRoute = false } = {},
): preHandlerAsyncHookHandler {
  return async function guard(request) {
    await authenticate(request, !accountCheckedByRoute);
    if (role && request.user.role !== role) {
      throw new DomainError('FORBIDDEN', `This action requires the ${role} role`);
    }
  };
}

export const requireUser = requireRole();
export const requireAdmin = requireRole('admin');
/** For routes whose SQL answers UNKNOWN_USER (→ 401) itself: one query fewer per request. */
export const requireUserCheckedByRoute = requireRole(undefined, { accountCheckedByRoute: true });
