import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const resultsDir = `${benchDir}results`;
export const profilesDir = `${repoRoot}profiles`;

export const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/orders_bench';
export const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/**
 * Every key the bench processes write lives under this prefix; it is deleted before and after.
 * BENCH_REDIS_KEY_PREFIX (with BENCH_DATABASE_URL) lets two runs share one Redis.
 */
export const redisKeyPrefix = process.env.BENCH_REDIS_KEY_PREFIX ?? 'orders-bench:';

export const productCount = 10_000;
export const userCount = 1_000;
/** Product 1 is the hot product: every order of the hot scenario takes it. */
export const hotProduct = 1;
export const benchPassword = 'bench-password-1234';
export const jwtSecret = 'bench-jwt-secret-not-for-production-0123456789';
export const databasePoolSize = 8;

/** Seconds per wrk/pgbench run: BENCH_DURATION, or 5 with --quick, else 20. */
export function runSeconds(argv: readonly string[] = process.argv): number {
  if (process.env.BENCH_DURATION) return Number(process.env.BENCH_DURATION);
  return argv.includes('--quick') ? 5 : 20;
}
