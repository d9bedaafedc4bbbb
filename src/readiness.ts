import type { Redis } from 'ioredis';
import type { DatabasePool } from 'slonik';
import { pingDatabase } from './db/health.js';
import { withTimeout } from './timeouts.js';

export type DependencyState = 'up' | 'down';
export interface DependencyChecks {
  postgres: DependencyState;
  redis: DependencyState;
}

// Well inside a probe's usual timeout, even with a dependency hanging.
const checkTimeoutMs = 1_000;

async function check(probe: () => Promise<unknown>): Promise<DependencyState> {
  try {
    await withTimeout(probe(), checkTimeoutMs, 'readiness check');
    return 'up';
  } catch {
    return 'down';
  }
}

/** What /readyz reports in both processes: can we reach Postgres and Redis right now? */
export async function checkDependencies(deps: {
  db: DatabasePool;
  redis: Pick<Redis, 'ping'>;
}): Promise<DependencyChecks> {
  const [postgres, redis] = await Promise.all([
    check(() => pingDatabase(deps.db)),
    check(() => deps.redis.ping()),
  ]);
  return { postgres, redis };
}
