import { writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChild, type Child } from './processes.js';
import { healthCheckIntervalMs } from './settings.js';

export interface Backend {
  name: string;
  port: number;
}

export type StatRow = Record<string, string>;

export interface Balancer {
  url: string;
  child: Child;
  /** `show stat` from the admin socket: one row per frontend, server and backend. */
  stats: () => Promise<StatRow[]>;
  waitForServer: (name: string, status: 'UP' | 'DOWN', timeoutMs?: number) => Promise<void>;
}

/**
 * HAProxy in front of the API processes. A server leaves the rotation after three failed
 * /readyz checks (within the API's drain delay) and comes back after two good ones. A request whose connection fails, or that
 * gets no response at all, is retried on another server: POST /orders carries an
 * Idempotency-Key, so a retry cannot create a second order.
 */
function config(port: number, socket: string, backends: Backend[]): string {
  return `global
  maxconn 2048
  stats socket ${socket} mode 600 level admin

defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout http-keep-alive 10s
  # A check slowed by a busy CPU is not a server going away.
  timeout check 2s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  option forwardfor

frontend api
  bind 127.0.0.1:${port}
  default_backend api

backend api
  balance roundrobin
  option httpchk GET /readyz
  http-check expect status 200
  default-server check inter ${healthCheckIntervalMs}ms fastinter ${healthCheckIntervalMs}ms downinter ${healthCheckIntervalMs}ms fall 3 rise 2
${backends.map((backend) => `  server ${backend.name} 127.0.0.1:${backend.port}`).join('\n')}
`;
}

function adminCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const connection = createConnection(socket, () => connection.end(`${command}\n`));
    connection.setEncoding('utf8');
    connection.on('data', (chunk: string) => (answer += chunk));
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
  });
}

function parseCsv(text: string): StatRow[] {
  const [header = '', ...lines] = text.trim().split('\n');
  const names = header.replace(/^# /, '').split(',');
  return lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
  });
}

export async function startBalancer(
  dir: string,
  port: number,
  backends: Backend[],
): Promise<Balancer> {
  const file = join(dir, 'haproxy.cfg');
  const socket = join(dir, 'haproxy.sock');
  writeFileSync(file, config(port, socket, backends));
  const child = startChild('haproxy', 'haproxy', ['-db', '-f', file], {}, join(dir, 'haproxy.log'));
  const stats = async () => parseCsv(await adminCommand(socket, 'show stat'));
  const waitForServer = async (name: string, status: 'UP' | 'DOWN', timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rows = await stats().catch(() => []);
      const server = rows.find((row) => row.pxname === 'api' && row.svname === name);
      if (server?.status?.startsWith(status)) return;
      if (!child.running()) break;
      await sleep(50);
    }
    throw new Error(`HAProxy did not see ${name} ${status} within ${timeoutMs} ms`);
  };
  for (const backend of backends) await waitForServer(backend.name, 'UP');
  return { url: `http://127.0.0.1:${port}`, child, stats, waitForServer };
}
