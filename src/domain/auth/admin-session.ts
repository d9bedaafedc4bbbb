import { findLiveTokenOwner } from '../../db/refresh-tokens.js';
import { DomainError } from '../errors.js';
import { logIn } from './log-in.js';
import { logOut } from './log-out.js';
import { hashRefreshToken, type AuthDeps } from './session.js';

/**
 * A browser session on the admin pages rests on a refresh token of its own (lifetime
 * ADMIN_SESSION_TTL), kept only inside the encrypted cookie: signing out, logout-all and
 * expiry revoke it like any other login.
 */
export async function startAdminSession(
  deps: AuthDeps & { sessionTtlSeconds: number },
  input: { email: string; password: string },
): Promise<{ token: string; userId: string }> {
  const session = await logIn({ ...deps, refreshTokenTtlSeconds: deps.sessionTtlSeconds }, input);
  if (session.user.role !== 'admin') {
    await logOut(deps, session.refreshToken);
    throw new DomainError('FORBIDDEN', 'Only admins may sign in here');
  }
  return { token: session.refreshToken, userId: session.user.id };
}

/** The admin a session token belongs to, or null once it expired, was revoked or lost the role. */
export async function adminOfSession(
  deps: Pick<AuthDeps, 'db'>,
  token: string,
): Promise<string | null> {
  const owner = await findLiveTokenOwner(deps.db, hashRefreshToken(token));
  return owner?.role === 'admin' ? owner.userId : null;
}
