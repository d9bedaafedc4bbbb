import {
  claimRefreshTokenForRotation,
  findRefreshTokenState,
  revokeRefreshTokenFamily,
} from '../../db/refresh-tokens.js';
import { findUserById } from '../../db/users.js';
import { DomainError } from '../errors.js';
import { hashRefreshToken, issueSession, type AuthDeps, type Session } from './session.js';

const invalidToken = () =>
  new DomainError('INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked');

/**
 * Rotates a refresh token. Presenting one that was already rotated is treated as theft:
 * every token of its family is revoked, including the one issued in its place.
 */
export async function refreshSession(deps: AuthDeps, refreshToken: string): Promise<Session> {
  const tokenHash = hashRefreshToken(refreshToken);
  const session = await deps.db.transaction(async (tx) => {
    const claimed = await claimRefreshTokenForRotation(tx, tokenHash);
    if (claimed) {
      const user = await findUserById(tx, claimed.userId);
      return user ? issueSession(deps, tx, user, claimed.familyId) : null;
    }
    const state = await findRefreshTokenState(tx, tokenHash);
    if (state?.rotated) await revokeRefreshTokenFamily(tx, state.familyId);
    return null;
  });
  if (!session) throw invalidToken();
  return session;
}
