import type { Redis } from 'ioredis';
import type { DatabasePool } from 'slonik';
import type { Config } from '../config.js';
import type { AuthDeps } from '../domain/auth/session.js';

/** What every route plugin receives; its own module so routes never import app.ts (no cycle). */
export interface AppDeps {
  config: Config;
  db: DatabasePool;
  redis: Redis;
  auth: AuthDeps;
  /** Flipped by the process entry on SIGTERM so /readyz answers 503 while in-flight work drains. */
  readiness: { draining: boolean };
  /** Wakes idle outbox relays after a use case committed events. */
  nudgeRelay: () => void;
}
