import type { DatabasePool } from 'slonik';
import { findUserById, setUserRole, upsertAdmin } from '../../db/users.js';
import { DomainError } from '../errors.js';
import { hashPassword } from './passwords.js';
import type { User } from './session.js';

export async function getUser(deps: { db: DatabasePool }, userId: string): Promise<User> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('NOT_FOUND', 'User not found');
  return user;
}

export async function promoteUser(deps: { db: DatabasePool }, email: string): Promise<User> {
  const user = await setUserRole(deps.db, email.trim().toLowerCase(), 'admin');
  if (!user) throw new DomainError('NOT_FOUND', `No user with email ${email}`);
  return user;
}

/** Start-up bootstrap from ADMIN_EMAIL / ADMIN_PASSWORD: creates or promotes that account. */
export async function ensureAdmin(
  deps: { db: DatabasePool },
  admin: { email: string; password: string },
): Promise<User> {
  return upsertAdmin(deps.db, {
    email: admin.email.trim().toLowerCase(),
    passwordHash: await hashPassword(admin.password),
  });
}
