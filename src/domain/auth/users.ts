import type { DatabasePool } from 'slonik';
import { findUserById, findUserRole, setUserRole, upsertAdmin, type Role } from '../../db/users.js';
import { DomainError } from '../errors.js';
import { hashPassword } from './passwords.js';
import type { User } from './session.js';

export async function getUser(deps: { db: DatabasePool }, userId: string): Promise<User> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('NOT_FOUND', 'User not found');
  return user;
}

/** The role a signed-in request acts with: the account's current one; null once it is deleted. */
export function currentRole(deps: { db: DatabasePool }, userId: string): Promise<Role | null> {
  return findUserRole(deps.db, userId);
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
