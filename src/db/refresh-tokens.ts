import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';
import { roles } from './users.js';

const claimedTokenRow = z.object({ userId: z.uuid(), familyId: z.uuid() });
const tokenStateRow = z.object({
  familyId: z.uuid(),
  rotated: z.boolean(),
  revoked: z.boolean(),
});

export async function insertRefreshToken(
  db: CommonQueryMethods,
  token: { userId: string; familyId: string; tokenHash: Buffer; ttlSeconds: number },
): Promise<void> {
  await db.query(sql.unsafe`
    INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
    VALUES (${token.userId}, ${token.familyId}, ${sql.binary(token.tokenHash)},
            now() + make_interval(secs => ${token.ttlSeconds}))`);
}

/**
 * Marks a live token as rotated and returns its owner. The conditional UPDATE is the
 * concurrency guard: of many callers racing with one token, exactly one gets a row.
 */
export function claimRefreshTokenForRotation(
  db: CommonQueryMethods,
  tokenHash: Buffer,
): Promise<z.infer<typeof claimedTokenRow> | null> {
  return db.maybeOne(sql.type(claimedTokenRow)`
    UPDATE refresh_tokens SET rotated_at = now()
    WHERE token_hash = ${sql.binary(tokenHash)}
      AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
    RETURNING user_id AS "userId", family_id AS "familyId"`);
}

export function findRefreshTokenState(
  db: CommonQueryMethods,
  tokenHash: Buffer,
): Promise<z.infer<typeof tokenStateRow> | null> {
  return db.maybeOne(sql.type(tokenStateRow)`
    SELECT family_id AS "familyId",
           rotated_at IS NOT NULL AS rotated,
           revoked_at IS NOT NULL AS revoked
    FROM refresh_tokens WHERE token_hash = ${sql.binary(tokenHash)}`);
}

export async function revokeRefreshTokenFamily(
  db: CommonQueryMethods,
  familyId: string,
): Promise<void> {
  await db.query(sql.unsafe`
    UPDATE refresh_tokens SET revoked_at = now()
    WHERE family_id = ${familyId} AND revoked_at IS NULL`);
}

export async function revokeRefreshToken(db: CommonQueryMethods, tokenHash: Buffer): Promise<void> {
  await db.query(sql.unsafe`
    UPDATE refresh_tokens SET revoked_at = now()
    WHERE token_hash = ${sql.binary(tokenHash)} AND revoked_at IS NULL`);
}

export async function revokeUserRefreshTokens(
  db: CommonQueryMethods,
  userId: string,
): Promise<void> {
  await db.query(sql.unsafe`
    UPDATE refresh_tokens SET revoked_at = now()
    WHERE user_id = ${userId} AND revoked_at IS NULL`);
}

const liveTokenOwnerRow = z.object({ userId: z.uuid(), role: z.enum(roles) });

/** The owner of a token that is neither expired, rotated nor revoked, with their current role. */
export function findLiveTokenOwner(
  db: CommonQueryMethods,
  tokenHash: Buffer,
): Promise<z.infer<typeof liveTokenOwnerRow> | null> {
  return db.maybeOne(sql.type(liveTokenOwnerRow)`
    SELECT u.id AS "userId", u.role
    FROM refresh_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ${sql.binary(tokenHash)}
      AND t.rotated_at IS NULL AND t.revoked_at IS NULL AND t.expires_at > now()`);
}
