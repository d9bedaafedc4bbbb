import { join } from 'node:path';
import { startChild, waitReady, type Child } from './processes.js';
import {
  admin,
  jwtSecret,
  redisKeyPrefix,
  redisUrl,
  shutdownDrainDelayMs,
  webhookSecret,
} from './settings.js';

export type Role = 'api' | 'worker';

export interface Service {
  name: string;
  role: Role;
  port: number;
  child: Child;
  /** Log files, one per start (a restart is a new process). */
  logs: string[];
}

/** Production settings, shared by every process; each gets its own port and pool size. */
export function serviceEnv(databaseUrl: string, webhookUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    JWT_SECRET: jwtSecret,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SHUTDOWN_DRAIN_DELAY_MS: String(shutdownDrainDelayMs),
    // Several APIs share this host: each metrics listener takes a free port.
    METRICS_PORT: '0',
    // As in deploy/k8s: room for webhooks in flight (WEBHOOK_TIMEOUT_MS each) at a stop.
    SHUTDOWN_TIMEOUT_MS: '20000',
    WEBHOOK_URL: webhookUrl,
    WEBHOOK_SECRET: webhookSecret,
    // The sink is on loopback, which production settings may otherwise refuse.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // Retries fast, so a delivery that races a restart lands within the run.
    WEBHOOK_BACKOFF_MS: '200',
  };
}

interface Entry {
  preload: string;
  main: string;
  portVariable: string;
  /** Answered 200 once the process can take its share of the work. */
  upPath: string;
}

const entries: Record<Role, Entry> = {
  api: {
    preload: 'dist/api/instrument.js',
    main: 'dist/api/main.js',
    portVariable: 'PORT',
    upPath: '/readyz',
  },
  // A worker restarted into a backlog can answer /readyz 503 while its jobs hold every pool
  // connection (the check waits for one); the run checks instead that it processes jobs.
  worker: {
    preload: 'dist/workers/instrument.js',
    main: 'dist/workers/main.js',
    portVariable: 'WORKER_PORT',
    upPath: '/healthz',
  },
};

/** Starts (or restarts) a service from dist/ with the production command, and waits until it is up. */
export async function startService(
  service: Omit<Service, 'child' | 'logs'> & { logs?: string[] },
  env: Record<string, string>,
  logDir: string,
): Promise<Service> {
  const logs = service.logs ?? [];
  const log = join(logDir, `${service.name}.${logs.length}.log`);
  const entry = entries[service.role];
  const child = startChild(
    service.name,
    process.execPath,
    ['--import', `./${entry.preload}`, entry.main],
    { ...env, [entry.portVariable]: String(service.port) },
    log,
  );
  await waitReady(child, `http://127.0.0.1:${service.port}${entry.upPath}`);
  return { ...service, child, logs: [...logs, log] };
}
