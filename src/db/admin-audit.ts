import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

const auditEntryRow = z.object({
  id: z.uuid(),
  adminId: z.uuid(),
  action: z.string(),
  target: z.record(z.string(), z.unknown()),
  statusCode: z.number(),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntryRow>;

export async function insertAuditEntry(
  db: CommonQueryMethods,
  entry: Pick<AuditEntry, 'adminId' | 'action' | 'target' | 'statusCode'>,
): Promise<void> {
  await db.query(sql.type(z.object({}))`
    INSERT INTO admin_audit_log (admin_id, action, target, status_code)
    VALUES (${entry.adminId}::uuid, ${entry.action}, ${JSON.stringify(entry.target)}::jsonb,
            ${entry.statusCode})`);
}

/** Newest first. */
export function listAuditEntries(
  db: CommonQueryMethods,
  limit: number,
): Promise<readonly AuditEntry[]> {
  return db.any(sql.type(auditEntryRow)`
    SELECT id, admin_id AS "adminId", action, target, status_code AS "statusCode",
           iso_utc(at) AS at
    FROM admin_audit_log ORDER BY at DESC, id DESC LIMIT ${limit}`);
}
