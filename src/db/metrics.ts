import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

const scrapeGaugesRow = z.object({
  activeUsers: z.number(),
  outboxBacklog: z.number(),
  oldestUnpublishedAgeSeconds: z.number(),
  unconsumedEvents: z.number(),
  oldestUnconsumedAgeSeconds: z.number(),
  deadLetters: z.number(),
});
export type ScrapeGauges = z.infer<typeof scrapeGaugesRow>;

/**
 * The worker's DB-backed gauges in one round trip, read at scrape time. Each part reads what is
 * live or waiting (a partial index of live refresh tokens, the unpublished outbox index, the
 * inbox of events in flight), so the cost does not grow with the tables' history.
 */
export function readScrapeGauges(db: CommonQueryMethods): Promise<ScrapeGauges> {
  return db.one(sql.type(scrapeGaugesRow)`
    SELECT
      (SELECT count(DISTINCT user_id) FROM refresh_tokens
        WHERE revoked_at IS NULL AND rotated_at IS NULL AND expires_at > now()) AS "activeUsers",
      unpublished.count AS "outboxBacklog",
      unpublished.age AS "oldestUnpublishedAgeSeconds",
      unconsumed.count AS "unconsumedEvents",
      unconsumed.age AS "oldestUnconsumedAgeSeconds",
      (SELECT count(*) FROM inbox WHERE failed_at IS NOT NULL) AS "deadLetters"
    FROM (
      SELECT count(*) AS count,
             greatest(0, coalesce(extract(epoch FROM now() - min(created_at)), 0))::float8 AS age
      FROM outbox WHERE published_at IS NULL
    ) unpublished, (
      SELECT count(*) AS count,
             greatest(0, coalesce(extract(epoch FROM now() - min(o.created_at)), 0))::float8 AS age
      FROM inbox i JOIN outbox o ON o.id = i.event_id
      WHERE i.failed_at IS NULL
    ) unconsumed`);
}
