import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './settings.js';

export interface Child {
  name: string;
  pid: number;
  exited: Promise<number | null>;
  /** Sends `signal`, waits for the exit; SIGKILL after `timeoutMs`. Null: ended by a signal. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number | null>;
  running: () => boolean;
}

const children = new Set<Child>();

/** Kills whatever is still running (on failure paths): only processes this run started. */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((child) => child.stop('SIGKILL')));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

/** Starts a command with stdout and stderr appended to `logFile`. */
export function startChild(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
): Child {
  const log = openSync(logFile, 'a');
  const process_ = spawn(command, args, {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', log, log],
  });
  if (process_.pid === undefined) throw new Error(`could not start ${name}`);
  const exited = new Promise<number | null>((resolve) =>
    process_.on('exit', (code) => resolve(code)),
  );
  const child: Child = {
    name,
    pid: process_.pid,
    exited,
    running: () => process_.exitCode === null && process_.signalCode === null,
    stop: async (signal = 'SIGTERM', timeoutMs = 30_000) => {
      if (child.running()) process_.kill(signal);
      const timer = setTimeout(() => process_.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  children.add(child);
  void exited.then(() => children.delete(child));
  return child;
}

/** Polls `url` until it answers 200; fails if the child exits or `timeoutMs` passes. */
export async function waitReady(child: Child, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.running()) {
    const status = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.status;
      },
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`${child.name} did not become ready at ${url} (see its log)`);
}
