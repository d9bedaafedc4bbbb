import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { CommonQueryMethods, DatabasePool } from 'slonik';
import { insertRefreshToken } from '../../db/refresh-tokens.js';
import type { Role, UserRow } from '../../db/users.js';

export interface AccessTokenClaims {
  sub: string;
  role: Role;
  jti: string;
}

export interface AuthDeps {
  db: DatabasePool;
  /** Signs a JWT with `iat`/`exp` added; provided by the HTTP edge (@fastify/jwt). */
  signAccessToken: (claims: AccessTokenClaims) => string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
}

export type User = UserRow;

export interface Session {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: User;
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** Issues an access token and a new refresh token in `familyId` (one family per login). */
export async function issueSession(
  deps: AuthDeps,
  db: CommonQueryMethods,
  user: User,
  familyId: string = randomUUID(),
): Promise<Session> {
  const refreshToken = randomBytes(32).toString('base64url');
  await insertRefreshToken(db, {
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    ttlSeconds: deps.refreshTokenTtlSeconds,
  });
  return {
    accessToken: deps.signAccessToken({ sub: user.id, role: user.role, jti: randomUUID() }),
    refreshToken,
    tokenType: 'Bearer',
    expiresIn: deps.accessTokenTtlSeconds,
    user,
  };
}
