import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { withTimeout } from '../../src/timeouts.js';
import { freePort, startChild, type Child } from '../scale/processes.js';

/** Postgres's server programs: on PATH, else Debian's newest /usr/lib/postgresql/<major>/bin. */
function postgresBin(program: string): string {
  const onPath = (() => {
    try {
      return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).map(Number).filter(Boolean) : [];
  const newest = Math.max(...majors);
  if (!Number.isFinite(newest)) throw new Error(`no ${program}: apt-get install postgresql`);
  return join(root, String(newest), 'bin', program);
}

/** Postgres refuses to run as root: then the cluster belongs to the `postgres` system user. */
function asOwner(dir: string): ExecFileSyncOptions {
  if (process.getuid?.() !== 0) return {};
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
  chownSync(dir, uid, gid);
  return { uid, gid };
}

export interface OwnPostgres {
  port: number;
  /** Connection string of `database` on this cluster, as the superuser postgres. */
  url: (database: string) => string;
  /** Stops at once (connections cut, no checkpoint: a crash as Postgres sees it) and starts. */
  restart: () => Promise<void>;
  stop: () => void;
}

/** A throwaway cluster in `dir`, on a spare port, trust auth, fsync off. */
export async function startPostgres(dir: string): Promise<OwnPostgres> {
  const data = join(dir, 'pgdata');
  mkdirSync(data);
  const owner = asOwner(data);
  asOwner(dir);
  const port = await freePort();
  const run = (program: string, args: string[]) =>
    execFileSync(postgresBin(program), args, { ...owner, stdio: 'ignore', cwd: dir });
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    // Safe while the machine itself does not crash; synchronous_commit stays on, or a Postgres
    // crash would lose commits the service was told about (the WAL still in shared memory).
    '-c fsync=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = () =>
    run('pg_ctl', ['start', '-w', '-D', data, '-l', join(dir, 'postgres.log'), '-o', options]);
  start();
  return {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restart: async () => {
      run('pg_ctl', ['stop', '-w', '-D', data, '-m', 'immediate']);
      // The time an orchestrator takes to start it again.
      await sleep(1_000);
      start();
    },
    stop: () => {
      try {
        run('pg_ctl', ['stop', '-w', '-D', data, '-m', 'immediate']);
      } catch {
        // Already stopped.
      }
    },
  };
}

export interface OwnRedis {
  url: string;
  port: number;
  freeze: () => void;
  thaw: () => void;
  /** Stops the server, whose data dies with it (no persistence), and starts an empty one. */
  restartEmpty: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
}

/** redis-server on a spare port, no persistence, as a child of this run (so it can be frozen). */
export async function startRedis(dir: string): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  const launch = async (generation: number): Promise<Child> => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    const child = startChild(
      'redis',
      'redis-server',
      args,
      {},
      join(dir, `redis.${generation}.log`),
    );
    const client = new Redis(url, { retryStrategy: () => 50 });
    client.on('error', () => {});
    try {
      await withTimeout(client.ping(), 10_000, `redis-server on port ${port}`);
      return child;
    } finally {
      client.disconnect();
    }
  };
  let generation = 0;
  let child = await launch(generation);
  return {
    url,
    port,
    freeze: () => process.kill(child.pid, 'SIGSTOP'),
    thaw: () => process.kill(child.pid, 'SIGCONT'),
    restartEmpty: async (downMs) => {
      await child.stop('SIGKILL');
      await sleep(downMs);
      generation += 1;
      child = await launch(generation);
    },
    stop: async () => {
      process.kill(child.pid, 'SIGCONT');
      await child.stop('SIGKILL');
    },
  };
}

export interface Partition {
  url: string;
  /** From now on bytes sent through the link are dropped, as by a network partition. */
  cut: () => void;
  /** Closes every connection open during the cut (their streams lost bytes) and links again. */
  heal: () => void;
  close: () => Promise<void>;
}

/** A TCP hop in front of `port` that can drop what clients send: the network between them. */
export async function startPartitionableLink(port: number): Promise<Partition> {
  const pairs = new Set<{ client: Socket; upstream: Socket }>();
  let cut = false;
  const server = createServer((client) => {
    const upstream = connect(port, '127.0.0.1');
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on('data', (chunk) => {
      if (!cut) upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (!cut) client.write(chunk);
    });
    for (const socket of [client, upstream]) {
      socket.on('close', end);
      socket.on('error', end);
    }
  });
  const listenPort = await freePort();
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${listenPort}`,
    cut: () => {
      cut = true;
    },
    heal: () => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      cut = false;
    },
    close: async () => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
