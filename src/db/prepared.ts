import { z } from 'zod';

/**
 * Result parser for named prepared statements that return no rows.
 *
 * Why statements on the order pipeline are named (`sql.prepared`): Postgres then parses and
 * plans each once per connection instead of on every call. Names must stay unique per SQL
 * text; the pool never runs DISCARD ALL, so they live as long as the connection.
 */
export const noRows = z.object({});
