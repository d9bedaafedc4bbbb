import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

const scrapeGaugesRow = z.object({
  activeUsers: z.number(),
  outboxBacklog: z.number(),
  oldestUnpublishedAgeSeconds: z.number(),
});
export type ScrapeGauges = z.infer<typeof scrapeGaugesRow>;

/**
 * The worker's DB-backed gauges in one round trip, read at scrape time. Both parts scan a
 * partial index (live refresh tokens, unpublished outbox rows), so the cost follows what is
 * live or waiting, not the tables' history.
 */
export function readScrapeGauges(db: CommonQueryMethods): Promise<ScrapeGauges> {
  return db.one(sql.type(scrapeGaugesRow)`
    SELECT
      (SELECT count(DISTINCT user_id) FROM refresh_tokens
        WHERE revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now()) AS "activeUsers",
      count(*) AS "outboxBacklog",
      greatest(0, coalesce(extract(epoch FROM now() - min(created_at)), 0))::float8
        AS "oldestUnpublishedAgeSeconds"
    FROM outbox
    WHERE published_at IS NULL`);
}
