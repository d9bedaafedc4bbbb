import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { createFixtures, driveOrders } from './api-client.js';
import { migrateFromDist, recreateDatabase, withDatabase } from './database.js';
import { freePort, startChild } from './processes.js';
import { serviceEnv, startService } from './services.js';
import { pgbouncerDatabaseName } from './settings.js';

/**
 * What a PgBouncer in session mode needs for this service. node-postgres sends the pool's
 * statement_timeout and idle_in_transaction_session_timeout as startup parameters, which
 * PgBouncer refuses ("unsupported startup parameter") unless told to ignore them; the
 * timeouts then come from the database's own defaults (ALTER DATABASE … SET).
 */
export function pgbouncerIni(port: number, dir: string): string {
  return `[databases]
* = host=127.0.0.1 port=5432

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${join(dir, 'userlist.txt')}
admin_users = postgres
pool_mode = session
default_pool_size = 20
max_client_conn = 200
ignore_startup_parameters = statement_timeout,idle_in_transaction_session_timeout,extra_float_digits
`;
}

export interface PgbouncerResult {
  orders: number;
  failures: number;
  /** Transactions PgBouncer itself counted for the database: proof the API went through it. */
  pooledTransactions: number;
  /** statement_timeout a connection through PgBouncer sees. */
  statementTimeout: string;
}

/** Migrates and runs one API from dist/ through PgBouncer (session mode), under a small order load. */
export async function checkPgbouncer(runDir: string): Promise<PgbouncerResult> {
  const dir = join(runDir, 'pgbouncer');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  writeFileSync(join(dir, 'pgbouncer.ini'), pgbouncerIni(port, dir));
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n');
  // PgBouncer refuses to run as root: it switches to the postgres user, which must read these.
  const owner = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString());
  for (const file of ['', 'pgbouncer.ini', 'userlist.txt']) {
    chownSync(join(dir, file), owner('-u'), owner('-g'));
  }

  await recreateDatabase(pgbouncerDatabaseName, [
    `ALTER DATABASE ${pgbouncerDatabaseName} SET statement_timeout = '5s'`,
    `ALTER DATABASE ${pgbouncerDatabaseName} SET idle_in_transaction_session_timeout = '10s'`,
  ]);
  const bouncer = startChild(
    'pgbouncer',
    'pgbouncer',
    ['-u', 'postgres', join(dir, 'pgbouncer.ini')],
    {},
    join(dir, 'pgbouncer.log'),
  );
  try {
    const viaBouncer = withDatabase(
      `postgres://postgres@127.0.0.1:${port}/postgres`,
      pgbouncerDatabaseName,
    );
    await migrateFromDist(viaBouncer, join(dir, 'migrate.log'));
    const env = { ...serviceEnv(viaBouncer, ''), WEBHOOK_URL: '', WEBHOOK_SECRET: '' };
    const api = await startService(
      { name: 'api-pgbouncer', role: 'api', port: await freePort() },
      { ...env, DATABASE_POOL_SIZE: '4' },
      dir,
    );
    const base = `http://127.0.0.1:${api.port}`;
    const fixtures = await createFixtures(base, { products: 3, users: 2 });
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), 4_000);
    const result = await driveOrders(base, fixtures, stop.signal);
    clearTimeout(timer);
    const exitCode = await api.child.stop();
    if (exitCode !== 0) throw new Error(`the API behind PgBouncer exited with ${exitCode}`);

    const client = new pg.Client({ connectionString: viaBouncer });
    await client.connect();
    const timeout = await client.query<{ statement_timeout: string }>('SHOW statement_timeout');
    await client.end();
    const console_ = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:${port}/pgbouncer`,
    });
    await console_.connect();
    const stats = await console_.query<{ database: string; total_xact_count: string }>(
      'SHOW STATS',
    );
    await console_.end();
    return {
      orders: result.placed.length,
      failures: result.failures.length,
      pooledTransactions: Number(
        stats.rows.find((row) => row.database === pgbouncerDatabaseName)?.total_xact_count ?? 0,
      ),
      statementTimeout: timeout.rows[0]?.statement_timeout ?? '',
    };
  } finally {
    await bouncer.stop();
  }
}
