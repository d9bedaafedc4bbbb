import { isIP } from 'node:net';
import { z } from 'zod';

export const DEVELOPMENT_JWT_SECRET = 'development-secret-change-me-0123456789';

const durationSeconds = z.coerce.number().int().positive();
const milliseconds = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

// Fastify's trustProxy forms: a hop count, or proxies' addresses/CIDRs (proxy-addr also names
// loopback, linklocal, uniquelocal). Never `true`: trusting every hop lets any client pick its IP.
const trustedProxyName = /^(loopback|linklocal|uniquelocal)$/;
const trustProxy = z
  .string()
  .default('false')
  .transform((value) => value.trim())
  .refine((value) => value !== 'true', {
    message:
      'true would trust every hop, so a client could spoof X-Forwarded-For; set the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.0/8)',
  })
  .transform((value): false | number | string[] => {
    if (value === 'false' || value === '' || value === '0') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((entry) => entry.trim());
  })
  .refine(
    (value) =>
      !Array.isArray(value) ||
      value.every((entry) => trustedProxyName.test(entry) || isAddressOrCidr(entry)),
    'must be false, a hop count, or comma-separated IP addresses/CIDRs',
  );

function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

const perMinute = z.coerce.number().int().positive();

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DATABASE_URL: z.url().default('postgres://postgres@127.0.0.1:5432/orders'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
    DATABASE_STATEMENT_TIMEOUT_MS: milliseconds.default(5_000),
    // Public listing and search give up sooner than writes: a slow one is a lever for anyone.
    SEARCH_STATEMENT_TIMEOUT_MS: milliseconds.default(1_000),
    DATABASE_CONNECT_TIMEOUT_MS: milliseconds.default(2_000),
    // rediss:// for TLS (a private CA through Node's NODE_EXTRA_CA_CERTS). With REDIS_SENTINELS
    // set, only its credentials, db and scheme are used: the Sentinels name the master.
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
    REDIS_SENTINELS: optionalString.pipe(
      z
        .string()
        .regex(/^[^\s,:]+:\d+(,[^\s,:]+:\d+)*$/, 'must be host:port[,host:port…]')
        .transform((list) =>
          list.split(',').map((address) => {
            const [host = '', port = ''] = address.split(':');
            return { host, port: Number(port) };
          }),
        )
        .optional(),
    ),
    REDIS_SENTINEL_NAME: optionalString,
    REDIS_SENTINEL_PASSWORD: optionalString,
    // The braces are a Redis Cluster hash tag: queue keys must share a slot (src/queues.ts).
    REDIS_KEY_PREFIX: z.string().default('{orders}:'),
    REDIS_COMMAND_TIMEOUT_MS: milliseconds.default(500),
    JWT_SECRET: z.string().min(32).default(DEVELOPMENT_JWT_SECRET),
    ACCESS_TOKEN_TTL: durationSeconds.default(15 * 60),
    REFRESH_TOKEN_TTL: durationSeconds.default(30 * 24 * 60 * 60),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(8).max(128).optional()),
    // Lifetime of a Bull Board sign-in (its cookie and the refresh token behind it).
    ADMIN_SESSION_TTL: durationSeconds.default(8 * 60 * 60),
    // Requests a minute per client IP (login per email: from one client IP).
    REGISTER_RATE_LIMIT_PER_IP: perMinute.default(20),
    LOGIN_RATE_LIMIT_PER_EMAIL: perMinute.default(10),
    LOGIN_RATE_LIMIT_PER_IP: perMinute.default(100),
    SEARCH_RATE_LIMIT_PER_IP: perMinute.default(300),
    // Browser origins allowed to call the API (comma-separated); none = CORS off.
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
      )
      .refine(
        (origins) =>
          origins.every((origin) => URL.canParse(origin) && new URL(origin).origin === origin),
        'must be comma-separated origins such as https://app.example.com',
      ),
    TRUST_PROXY: trustProxy,
    HTTP_REQUEST_TIMEOUT_MS: milliseconds.default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: milliseconds.default(10_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds.default(72_000),
    SHUTDOWN_TIMEOUT_MS: milliseconds.default(10_000),
    // The API's /metrics has its own listener: loopback by default; 0.0.0.0 in containers, where
    // only the scraper may reach the port (compose network, Kubernetes NetworkPolicy).
    METRICS_HOST: z.string().default('127.0.0.1'),
    METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
    // Off only to measure what metrics cost (the API then serves no /metrics).
    METRICS_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((value) => value === 'true'),
    // Time between the stop signal and closing the listener: /readyz says 503 so load balancers
    // stop routing here, and requests already on the wire are still read and answered.
    SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).default(1_000),
    WORKER_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    // Jobs in flight per queue and worker process; most of them wait on a batch (see below).
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(100),
    // Effects of jobs that arrive within the wait commit together as one statement.
    WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(100),
    WORKER_BATCH_WAIT_MS: z.coerce.number().int().min(0).max(1_000).default(5),
    // A job whose worker died is run again once its lock expires (BullMQ's stalled check).
    WORKER_LOCK_MS: milliseconds.default(30_000),
    WEBHOOK_URL: optionalString.pipe(z.url().optional()),
    WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by a base64 key')
        .optional(),
    ),
    // With NODE_ENV=production, endpoint URLs resolving to loopback, private, link-local or
    // metadata addresses are refused unless this is true (a receiver inside the cluster).
    WEBHOOK_ALLOW_PRIVATE: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    WEBHOOK_TIMEOUT_MS: milliseconds.default(5_000),
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
    WEBHOOK_BACKOFF_MS: milliseconds.default(1_000),
    WEBHOOK_BACKOFF_MAX_MS: milliseconds.default(10 * 60_000),
    // Payment authorization on order.created: unset = every order is authorized at once.
    PAYMENT_URL: optionalString.pipe(z.url().optional()),
    PAYMENT_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by a base64 key')
        .optional(),
    ),
    PAYMENT_TIMEOUT_MS: milliseconds.default(5_000),
    // A pending order this many seconds old expires (its stock comes back); swept every ORDER_EXPIRY_SWEEP_MS.
    ORDER_PENDING_TTL: durationSeconds.default(15 * 60),
    ORDER_EXPIRY_SWEEP_MS: milliseconds.default(10_000),
    RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
    // Polls come every RELAY_POLL_MIN_MS while events keep arriving, back off to RELAY_POLL_MAX_MS
    // when idle; writers' nudges (Redis PUBLISH, or in-process) wake an idle relay at once.
    RELAY_POLL_MIN_MS: milliseconds.default(10),
    RELAY_POLL_MAX_MS: milliseconds.default(1_000),
    RELAY_BACKOFF_MAX_MS: milliseconds.default(10_000),
    // An event handed to a consumer and not applied within RECONCILE_AFTER_MS is sent again
    // (its job may have been lost with Redis); checked every RECONCILE_INTERVAL_MS.
    RECONCILE_INTERVAL_MS: milliseconds.default(10_000),
    RECONCILE_AFTER_MS: milliseconds.default(30_000),
    OUTBOX_RETENTION_HOURS: z.coerce
      .number()
      .positive()
      .default(7 * 24),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.JWT_SECRET !== DEVELOPMENT_JWT_SECRET, {
    path: ['JWT_SECRET'],
    message: 'must be set to a secret of at least 32 characters in production',
  })
  .refine((env) => (env.ADMIN_EMAIL === undefined) === (env.ADMIN_PASSWORD === undefined), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
  })
  .refine((env) => env.SHUTDOWN_DRAIN_DELAY_MS < env.SHUTDOWN_TIMEOUT_MS, {
    path: ['SHUTDOWN_DRAIN_DELAY_MS'],
    message: 'must be less than SHUTDOWN_TIMEOUT_MS',
  })
  .refine((env) => env.SEARCH_STATEMENT_TIMEOUT_MS <= env.DATABASE_STATEMENT_TIMEOUT_MS, {
    path: ['SEARCH_STATEMENT_TIMEOUT_MS'],
    message: 'must not exceed DATABASE_STATEMENT_TIMEOUT_MS',
  })
  .refine((env) => env.HTTP_HEADERS_TIMEOUT_MS <= env.HTTP_REQUEST_TIMEOUT_MS, {
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
    message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
  })
  .refine(
    (env) => (env.REDIS_SENTINELS === undefined) === (env.REDIS_SENTINEL_NAME === undefined),
    {
      path: ['REDIS_SENTINEL_NAME'],
      message: 'REDIS_SENTINELS and REDIS_SENTINEL_NAME must be set together',
    },
  )
  .refine((env) => env.PAYMENT_URL === undefined || env.PAYMENT_SECRET !== undefined, {
    path: ['PAYMENT_SECRET'],
    message: 'is required when PAYMENT_URL is set (payment requests are always signed)',
  })
  .refine((env) => env.PAYMENT_URL === undefined || env.PAYMENT_TIMEOUT_MS < env.WORKER_LOCK_MS, {
    path: ['PAYMENT_TIMEOUT_MS'],
    message: 'must be less than WORKER_LOCK_MS (a job outliving its lock runs twice)',
  })
  .refine((env) => env.WEBHOOK_URL === undefined || env.WEBHOOK_SECRET !== undefined, {
    path: ['WEBHOOK_SECRET'],
    message: 'is required when WEBHOOK_URL is set (webhooks are always signed)',
  });

export type Config = Readonly<z.infer<typeof envSchema>>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The only reader of process.env: validated once, then passed down explicitly. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(
      `Invalid environment variable ${variable}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return Object.freeze(result.data);
}

/** Names of every variable the schema reads; test/ops-config checks docker-compose.yml against them. */
export const configVariables: readonly string[] = Object.keys(envSchema.shape);
