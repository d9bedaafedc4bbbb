import type { DatabasePool } from 'slonik';
import { revokeRefreshToken, revokeUserRefreshTokens } from '../../db/refresh-tokens.js';
import { hashRefreshToken } from './session.js';

/** Idempotent, and silent about unknown tokens so it cannot be used to probe them. */
export async function logOut(deps: { db: DatabasePool }, refreshToken: string): Promise<void> {
  await revokeRefreshToken(deps.db, hashRefreshToken(refreshToken));
}

/** Revokes every refresh token of the user; access tokens still expire on their own. */
export async function logOutEverywhere(deps: { db: DatabasePool }, userId: string): Promise<void> {
  await revokeUserRefreshTokens(deps.db, userId);
}
