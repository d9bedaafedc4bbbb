import {
  sql,
  type CommonQueryMethods,
  type FragmentSqlToken,
  type SerializableValue,
} from 'slonik';
import { z } from 'zod';

/** First argument of the two-key advisory lock: keeps these locks apart from any other use. */
const advisoryLockNamespace = 0x49444b59; // 'IDKY'

const claimRow = z.object({
  acquired: z.boolean(),
  requestHash: z.instanceof(Buffer).nullable(),
  responseBody: z.unknown(),
});

export interface KeyOwner {
  userId: string;
  key: string;
}

export interface KeyClaim {
  /** False while another transaction holds the same key. */
  acquired: boolean;
  /** The live (unexpired) record of an earlier success, if any. */
  previous: { requestHash: Buffer; responseBody: unknown } | null;
}

/**
 * Takes the key's transaction-scoped lock without waiting (a duplicate in flight must not hold
 * a connection while it waits), drops an expired record so the key can be reused, and returns
 * the live record. Two keys whose hashes collide merely see a spurious "in use".
 */
export async function claimIdempotencyKey(
  db: CommonQueryMethods,
  owner: KeyOwner,
): Promise<KeyClaim> {
  const row = await db.one(sql.prepared('claim_idempotency_key', claimRow)`
    WITH lock AS (
      SELECT pg_try_advisory_xact_lock(
        ${advisoryLockNamespace}::int4, hashtext(${owner.userId}::text || ${owner.key}::text)
      ) AS acquired
    ), expired AS (
      DELETE FROM idempotency_keys
      WHERE user_id = ${owner.userId}::uuid AND key = ${owner.key}::text
        AND expires_at <= now() AND (SELECT acquired FROM lock)
    )
    SELECT lock.acquired, k.request_hash AS "requestHash", k.response_body AS "responseBody"
    FROM lock
    LEFT JOIN idempotency_keys k
      ON k.user_id = ${owner.userId}::uuid AND k.key = ${owner.key}::text AND k.expires_at > now()`);
  return {
    acquired: row.acquired,
    previous: row.requestHash
      ? { requestHash: row.requestHash, responseBody: row.responseBody }
      : null,
  };
}

export interface NewIdempotencyRecord extends KeyOwner {
  requestHash: Buffer;
  responseBody: SerializableValue;
}

/**
 * The INSERT alone, for the order's statement to store the key in its round trip; a no-op for
 * null, so that statement's text is the same with or without a key (one plan, preparable).
 * A live record with the same key makes it fail with a unique violation.
 */
export function idempotencyRecordInsert(record: NewIdempotencyRecord | null): FragmentSqlToken {
  return sql.fragment`
    INSERT INTO idempotency_keys (user_id, key, request_hash, response_body)
    SELECT ${record?.userId ?? null}::uuid, ${record?.key ?? null}::text,
           ${record ? sql.binary(record.requestHash) : null}::bytea,
           ${record ? JSON.stringify(record.responseBody) : null}::jsonb
    WHERE ${record !== null}::boolean`;
}

/** Deletes at most `limit` records past their 24 h; returns how many went. */
export function deleteExpiredIdempotencyKeys(
  db: CommonQueryMethods,
  limit: number,
): Promise<number> {
  return db.oneFirst(sql.type(z.object({ deleted: z.number() }))`
    WITH expired AS (
      SELECT user_id, key FROM idempotency_keys WHERE expires_at <= now() LIMIT ${limit}
    ), deleted AS (
      DELETE FROM idempotency_keys k USING expired e
      WHERE k.user_id = e.user_id AND k.key = e.key
      RETURNING 1
    )
    SELECT count(*)::int AS deleted FROM deleted`);
}
