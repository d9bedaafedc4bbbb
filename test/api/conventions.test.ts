import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { useTestApp } from '../helpers/app.js';
import { expectProblem } from '../helpers/auth.js';
import { createAdmin } from '../helpers/factories.js';

const ctx = useTestApp();
const browserApp = 'https://shop.example.com';
const withCors = useTestApp({ CORS_ORIGINS: `${browserApp}, https://admin.example.com` });

/** `<script …>` tags of a page: executable ones must load from this origin (CSP script-src 'self'). */
function scriptsOf(html: string) {
  return [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => ({
    src: /\bsrc="([^"]+)"/.exec(attributes!)?.[1],
    dataOnly: /\btype="application\/json"/.test(attributes!),
  }));
}

describe('first requests', () => {
  it.each(['/', '/api/v1'])(
    'when %s is requested, then it links to the docs and health',
    async (url) => {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.json().links).toMatchObject({
        docs: '/docs',
        openapi: '/docs/openapi.json',
        liveness: '/healthz',
        readiness: '/readyz',
      });
      for (const link of Object.values<string>(response.json().links)) {
        const followed = await ctx.app.inject({ method: 'GET', url: link });
        expect([200, 401, 302], link).toContain(followed.statusCode);
      }
    },
  );

  it('when a body is not JSON, then the 415 says application/json is expected', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'email=a@b.c',
    });
    const problem = expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(problem.detail).toBe(
      'Request bodies must be application/json (Content-Type was text/plain)',
    );
  });
});

describe('security headers', () => {
  it('when any response is sent, then helmet’s headers are on it', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/products' });
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    const unmatched = await ctx.app.inject({ method: 'GET', url: '/no-such-route' });
    expect(unmatched.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-security-policy': csp,
    });
  });

  it('when /docs is opened under that policy, then every script it runs is served from here', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const scripts = scriptsOf(page.body);
    expect(scripts.length).toBeGreaterThan(0);
    for (const { src } of scripts) {
      expect(src, 'an inline script would be blocked').toMatch(/^\.?\/?[\w./-]+$/);
      const script = await ctx.app.inject({
        method: 'GET',
        url: new URL(src!, 'http://x/docs/').pathname,
      });
      expect(script.statusCode, src).toBe(200);
    }
  });

  it('when an admin opens Bull Board under that policy, then its scripts are served from here', async () => {
    const admin = await createAdmin(ctx.app, ctx.db);
    const page = await ctx.app.inject({
      method: 'GET',
      url: '/admin/queues',
      headers: admin.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const executable = scriptsOf(page.body).filter((script) => !script.dataOnly);
    expect(executable.length).toBeGreaterThan(0);
    for (const { src } of executable) {
      expect(src, 'an inline script would be blocked').toMatch(/^static\//);
      const script = await ctx.app.inject({
        method: 'GET',
        url: `/admin/queues/${src}`,
        headers: admin.headers,
      });
      expect(script.statusCode, src).toBe(200);
    }
  });
});

describe('CORS', () => {
  it('when CORS_ORIGINS holds something other than origins, then the config names it', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://a.example.com, https://b.example.com' }).CORS_ORIGINS,
    ).toEqual(['https://a.example.com', 'https://b.example.com']);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example.com/app' })).toThrow(
      /^Invalid environment variable CORS_ORIGINS: /,
    );
  });

  it('when CORS_ORIGINS is unset, then no origin is allowed', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/products',
      headers: { origin: browserApp },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when a listed origin sends a preflight, then it may send JSON with a token', async () => {
    const response = await withCors.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orders',
      headers: {
        origin: browserApp,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, idempotency-key',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(browserApp);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
    expect(response.headers['access-control-allow-headers']).toContain('idempotency-key');
  });

  it('when a listed origin reads a response, then the API headers are exposed to it', async () => {
    const response = await withCors.app.inject({
      method: 'GET',
      url: '/api/v1/products',
      headers: { origin: browserApp },
    });
    expect(response.headers['access-control-allow-origin']).toBe(browserApp);
    expect(response.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('when another origin asks, then it is not allowed', async () => {
    const response = await withCors.app.inject({
      method: 'GET',
      url: '/api/v1/products',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
