import { findUserWithPasswordByEmail } from '../../db/users.js';
import { DomainError } from '../errors.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { issueSession, type AuthDeps, type Session } from './session.js';

export async function logIn(
  deps: AuthDeps,
  input: { email: string; password: string },
): Promise<Session> {
  const found = await findUserWithPasswordByEmail(deps.db, input.email);
  const valid = found
    ? await verifyPassword(found.passwordHash, input.password)
    : await burnPasswordCheck(input.password);
  if (!found || !valid) {
    throw new DomainError('INVALID_CREDENTIALS', 'Email or password is incorrect');
  }
  const { passwordHash: _, ...user } = found;
  return issueSession(deps, deps.db, user);
}
