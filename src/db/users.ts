import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { rethrowUniqueViolation } from './errors.js';

export const roles = ['user', 'admin'] as const;
export type Role = (typeof roles)[number];

const userRow = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(roles),
  createdAt: z.string(),
});
export type UserRow = z.infer<typeof userRow>;

const userWithPasswordRow = userRow.extend({ passwordHash: z.string() });

const userColumns = sql.fragment`id, email, name, role, created_at AS "createdAt"`;

export async function insertUser(
  db: CommonQueryMethods,
  user: { email: string; name: string | null; passwordHash: string; role: Role },
): Promise<UserRow> {
  return rethrowUniqueViolation(
    db.one(sql.type(userRow)`
      INSERT INTO users (email, name, password_hash, role)
      VALUES (${user.email}, ${user.name}, ${user.passwordHash}, ${user.role})
      RETURNING ${userColumns}`),
  );
}

export function findUserById(db: CommonQueryMethods, id: string): Promise<UserRow | null> {
  return db.maybeOne(sql.type(userRow)`SELECT ${userColumns} FROM users WHERE id = ${id}`);
}

/** The account's current role, or null when it no longer exists: checked on every signed-in request. */
export function findUserRole(db: CommonQueryMethods, id: string): Promise<Role | null> {
  return db.maybeOneFirst(sql.prepared('find_user_role', z.object({ role: z.enum(roles) }))`
    SELECT role FROM users WHERE id = ${id}`);
}

export function findUserWithPasswordByEmail(
  db: CommonQueryMethods,
  email: string,
): Promise<z.infer<typeof userWithPasswordRow> | null> {
  return db.maybeOne(sql.type(userWithPasswordRow)`
    SELECT ${userColumns}, password_hash AS "passwordHash"
    FROM users WHERE lower(email) = lower(${email})`);
}

export function setUserRole(
  db: CommonQueryMethods,
  email: string,
  role: Role,
): Promise<UserRow | null> {
  return db.maybeOne(sql.type(userRow)`
    UPDATE users SET role = ${role}, updated_at = now()
    WHERE lower(email) = lower(${email})
    RETURNING ${userColumns}`);
}

/** Creates the user, or promotes and resets the password of the existing one. */
export function upsertAdmin(
  db: CommonQueryMethods,
  admin: { email: string; passwordHash: string },
): Promise<UserRow> {
  return db.one(sql.type(userRow)`
    INSERT INTO users (email, password_hash, role)
    VALUES (${admin.email}, ${admin.passwordHash}, 'admin')
    ON CONFLICT (lower(email)) DO UPDATE
      SET role = 'admin', password_hash = EXCLUDED.password_hash, updated_at = now()
    RETURNING ${userColumns}`);
}
