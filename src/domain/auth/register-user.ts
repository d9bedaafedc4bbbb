import type { DatabasePool } from 'slonik';
import { UniqueViolation } from '../../db/errors.js';
import { insertUser } from '../../db/users.js';
import { DomainError } from '../errors.js';
import { hashPassword } from './passwords.js';
import type { User } from './session.js';

export interface RegisterUserInput {
  email: string;
  password: string;
  name?: string | undefined;
}

/** Public sign-up: the role is always `user`; admins are made by an operator. */
export async function registerUser(
  deps: { db: DatabasePool },
  input: RegisterUserInput,
): Promise<User> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await insertUser(deps.db, {
      email: input.email,
      name: input.name ?? null,
      passwordHash,
      role: 'user',
    });
  } catch (error) {
    if (error instanceof UniqueViolation) {
      throw new DomainError('EMAIL_TAKEN', 'An account with this email already exists');
    }
    throw error;
  }
}
