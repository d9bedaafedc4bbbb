import { z } from 'zod';

export const DEVELOPMENT_JWT_SECRET = 'development-secret-change-me-0123456789';

const durationSeconds = z.coerce.number().int().positive();
const milliseconds = z.coerce.number().int().positive();
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

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
    DATABASE_CONNECT_TIMEOUT_MS: milliseconds.default(2_000),
    REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
    REDIS_KEY_PREFIX: z.string().default('orders:'),
    JWT_SECRET: z.string().min(32).default(DEVELOPMENT_JWT_SECRET),
    ACCESS_TOKEN_TTL: durationSeconds.default(15 * 60),
    REFRESH_TOKEN_TTL: durationSeconds.default(30 * 24 * 60 * 60),
    ADMIN_EMAIL: optionalString.pipe(z.email().optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(8).max(128).optional()),
    LOGIN_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(10),
    LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(100),
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    HTTP_REQUEST_TIMEOUT_MS: milliseconds.default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: milliseconds.default(10_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds.default(72_000),
    SHUTDOWN_TIMEOUT_MS: milliseconds.default(10_000),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.JWT_SECRET !== DEVELOPMENT_JWT_SECRET, {
    path: ['JWT_SECRET'],
    message: 'must be set to a secret of at least 32 characters in production',
  })
  .refine((env) => (env.ADMIN_EMAIL === undefined) === (env.ADMIN_PASSWORD === undefined), {
    path: ['ADMIN_PASSWORD'],
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
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
