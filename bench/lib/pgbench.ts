import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LoadResult } from './wrk.js';
import { classicCreateOrderScript, createOrderScript } from './bench-sql.js';
import { withClient } from './database.js';
import { databaseUrl, productCount, userCount } from './settings.js';

const run = promisify(execFile);

export interface PgbenchRun {
  clients: number;
  seconds: number;
  /** prepared = named statements (the ceiling); extended = unnamed, as node-pg/slonik send. */
  mode: 'prepared' | 'extended';
  /** The classic transaction (the reference) or the one statement the API sends. */
  script: 'classic' | 'statement';
}

/** Runs a create-order script; latency percentiles come from pgbench's per-transaction log. */
export async function runPgbench(options: PgbenchRun): Promise<LoadResult> {
  const logDir = mkdtempSync(join(tmpdir(), 'orders-pgbench-'));
  const url = new URL(databaseUrl);
  try {
    const { stdout } = await run(
      'pgbench',
      [
        '-n',
        `-h${url.hostname}`,
        `-p${url.port || '5432'}`,
        `-U${decodeURIComponent(url.username) || 'postgres'}`,
        `-M${options.mode}`,
        `-c${options.clients}`,
        `-j${Math.min(2, options.clients)}`,
        `-T${options.seconds}`,
        '-l',
        `--log-prefix=${join(logDir, 'tx')}`,
        '-D',
        `products=${productCount}`,
        '-D',
        `users=${userCount}`,
        '-f',
        options.script === 'classic' ? classicCreateOrderScript : createOrderScript,
        url.pathname.slice(1),
      ],
      { cwd: logDir, maxBuffer: 1 << 20 },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? Number.NaN);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    // Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    const latencies = readdirSync(logDir)
      .flatMap((file) => readFileSync(join(logDir, file), 'utf8').split('\n'))
      .filter((line) => line !== '')
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .sort((a, b) => a - b);
    const at = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    return {
      requestsPerSecond: tps,
      requests: latencies.length,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: latencies.at(-1) ?? 0,
      errors: failed,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

/**
 * Runs `work` with the NOTIFY-per-insert trigger the outbox had before the redesign (migration
 * 004), to measure what it costs.
 */
export async function withNotifyTrigger<T>(url: string, work: () => Promise<T>): Promise<T> {
  await withClient(url, (client) =>
    client.query(`
      CREATE FUNCTION bench_notify_outbox_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_inserted', '');
        RETURN NULL;
      END;
      $$;
      CREATE TRIGGER bench_outbox_inserted_notify AFTER INSERT ON outbox
        FOR EACH STATEMENT EXECUTE FUNCTION bench_notify_outbox_inserted();`),
  );
  try {
    return await work();
  } finally {
    await withClient(url, (client) =>
      client.query(`
        DROP TRIGGER bench_outbox_inserted_notify ON outbox;
        DROP FUNCTION bench_notify_outbox_inserted();`),
    );
  }
}
