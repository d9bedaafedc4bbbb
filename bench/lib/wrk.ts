import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchDir, benchPassword, hotProduct, productCount, userCount } from './settings.js';

const run = promisify(execFile);

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Non-2xx/3xx answers plus socket errors (connect, read, write, timeout). */
  errors: number;
}

export interface WrkRun {
  script: 'get-product' | 'search-products' | 'create-order' | 'mix';
  url: string;
  connections: number;
  seconds: number;
  tokensFile: string;
  hot?: boolean;
  /** Per-connection pause between requests, to pace the rate (wrk's delay()). */
  delayMs?: number;
}

export async function runWrk(options: WrkRun): Promise<LoadResult> {
  const threads = Math.min(2, options.connections);
  const args = [
    `-t${threads}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '10s',
    '-s',
    `${benchDir}wrk/${options.script}.lua`,
    options.url,
  ];
  const env = {
    ...process.env,
    BENCH_WRK_DIR: `${benchDir}wrk`,
    BENCH_TOKENS: options.tokensFile,
    BENCH_PRODUCTS: String(productCount),
    BENCH_USERS: String(userCount),
    BENCH_PASSWORD: benchPassword,
    BENCH_HOT_PRODUCT: options.hot ? String(hotProduct) : '0',
    BENCH_DELAY_MS: String(options.delayMs ?? 0),
  };
  const { stdout } = await run('wrk', args, { env, maxBuffer: 1 << 20 });
  const line = stdout.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const raw = JSON.parse(line.slice('BENCH_RESULT '.length)) as Record<string, number>;
  const value = (key: string) => raw[key] ?? 0;
  return {
    requestsPerSecond: value('requests') / (value('durationUs') / 1e6),
    requests: value('requests'),
    p50Ms: value('p50Us') / 1000,
    p99Ms: value('p99Us') / 1000,
    maxMs: value('maxUs') / 1000,
    errors: ['connect', 'read', 'write', 'status', 'timeout'].reduce((sum, k) => sum + value(k), 0),
  };
}
