import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config.js';

const strongSecret = 'a-production-secret-that-is-long-enough-0123';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply and the result is frozen', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      ACCESS_TOKEN_TTL: 900,
      REFRESH_TOKEN_TTL: 30 * 24 * 60 * 60,
      REGISTER_RATE_LIMIT_PER_IP: 20,
      LOGIN_RATE_LIMIT_PER_EMAIL: 10,
      LOGIN_RATE_LIMIT_PER_IP: 100,
      SEARCH_RATE_LIMIT_PER_IP: 300,
      TRUST_PROXY: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('when variables are set as strings, then they are coerced to their types', () => {
    expect(loadConfig({ PORT: '8080', TRUST_PROXY: '1', ACCESS_TOKEN_TTL: '60' })).toMatchObject({
      PORT: 8080,
      TRUST_PROXY: 1,
      ACCESS_TOKEN_TTL: 60,
    });
  });

  it.each([
    ['2', 2],
    ['0', false],
    ['false', false],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    [
      '10.0.0.0/8, 192.168.1.7,fd00::/8,loopback',
      ['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback'],
    ],
  ])('when TRUST_PROXY is %s, then Fastify gets %j', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it('when TRUST_PROXY is true, then it refuses to start and says why and what to set instead', () => {
    const message = configError({ TRUST_PROXY: 'true' }).message;

    expect(message).toMatch(
      /^Invalid environment variable TRUST_PROXY: true would trust every hop/,
    );
    expect(message).toContain('e.g. 1');
    expect(message).toContain('10.0.0.0/8');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['ACCESS_TOKEN_TTL', { ACCESS_TOKEN_TTL: '0' }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['DATABASE_URL', { DATABASE_URL: 'not a url' }],
    ['TRUST_PROXY', { TRUST_PROXY: '10.0.0.0/33' }],
    ['TRUST_PROXY', { TRUST_PROXY: 'my-load-balancer' }],
    ['SEARCH_STATEMENT_TIMEOUT_MS', { SEARCH_STATEMENT_TIMEOUT_MS: '6000' }],
  ])('when %s is invalid, then one line names the variable', (variable, env) => {
    const error = configError(env);

    expect(error.message).toMatch(new RegExp(`^Invalid environment variable ${variable}: `));
    expect(error.message).not.toContain('\n');
  });

  it('when production runs with the development JWT secret, then it refuses to start', () => {
    expect(configError({ NODE_ENV: 'production' }).message).toContain('JWT_SECRET');
    expect(
      configError({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET }).message,
    ).toContain('JWT_SECRET');
  });

  it('when production has its own secret, then it starts', () => {
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strongSecret }).JWT_SECRET).toBe(
      strongSecret,
    );
  });

  it('when ADMIN_EMAIL is set without ADMIN_PASSWORD, or the reverse, then it refuses to start', () => {
    expect(configError({ ADMIN_EMAIL: 'root@example.test' }).message).toContain('ADMIN_PASSWORD');
    expect(configError({ ADMIN_PASSWORD: 'long enough' }).message).toContain('ADMIN_PASSWORD');
  });

  it('when ADMIN_EMAIL and ADMIN_PASSWORD are empty strings, then they count as unset', () => {
    const config = loadConfig({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });

    expect(config.ADMIN_EMAIL).toBeUndefined();
    expect(config.ADMIN_PASSWORD).toBeUndefined();
  });

  it('when ADMIN_PASSWORD is shorter than 8 characters, then it refuses to start', () => {
    expect(
      configError({ ADMIN_EMAIL: 'root@example.test', ADMIN_PASSWORD: 'short' }).message,
    ).toContain('ADMIN_PASSWORD');
  });

  it('when PAYMENT_URL is unset, then orders are authorized at once and expire after 15 minutes', () => {
    const config = loadConfig({});
    expect(config.PAYMENT_URL).toBeUndefined();
    expect(config).toMatchObject({
      PAYMENT_TIMEOUT_MS: 5_000,
      ORDER_PENDING_TTL: 900,
      ORDER_EXPIRY_SWEEP_MS: 10_000,
    });
  });

  it('when PAYMENT_URL is set without a whsec_ secret, or with a timeout past the job lock, then it refuses to start', () => {
    const url = 'https://payments.example.test/authorize';
    const secret = `whsec_${Buffer.from('key').toString('base64')}`;
    expect(configError({ PAYMENT_URL: url }).message).toContain('PAYMENT_SECRET');
    expect(configError({ PAYMENT_URL: url, PAYMENT_SECRET: 'plain' }).message).toContain(
      'PAYMENT_SECRET',
    );
    expect(
      configError({
        PAYMENT_URL: url,
        PAYMENT_SECRET: secret,
        PAYMENT_TIMEOUT_MS: '30000',
        WORKER_LOCK_MS: '30000',
      }).message,
    ).toContain('PAYMENT_TIMEOUT_MS');
    expect(loadConfig({ PAYMENT_URL: url, PAYMENT_SECRET: secret }).PAYMENT_URL).toBe(url);
  });
});
