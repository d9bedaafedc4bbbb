import { sql, type DatabasePool } from 'slonik';
import { describe, expect, it } from 'vitest';
import { expectProblem } from '../helpers/auth.js';
import { useTestApp } from '../helpers/app.js';
import { useCapturedApp } from './captured-app.js';

const internalMessage = 'relation "secret_internal_table" does not exist';

const ctx = useCapturedApp({
  addRoutes: (app, db: DatabasePool) => {
    app.get('/test/throws', async () => {
      throw new Error(`${internalMessage}: SELECT password_hash FROM users`);
    });
    app.get('/test/throws-502', async () => {
      throw Object.assign(new Error('upstream said: token=abc'), { statusCode: 502 });
    });
    app.get('/test/bad-sql', async () => db.query(sql.unsafe`SELECT * FROM secret_internal_table`));
  },
});

const json = { 'content-type': 'application/json' };

describe('problem+json for every error path', () => {
  it('when the route is unknown, then 404 NOT_FOUND', async () => {
    const response = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/nothing?x=1' });
    const body = expectProblem(response, 404, 'NOT_FOUND');
    expect(body.title).toBe('Not Found');
  });

  it('when a body field fails its schema, then 400 VALIDATION_FAILED with errors[].path naming it', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'not-an-email', password: 'long enough password' },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(body.errors).toEqual([{ path: 'email', message: expect.any(String) }]);
  });

  it('when the body is not valid JSON, then 400 problem', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: json,
      payload: '{"email": "a@example.test",',
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('when the body is over 1 MiB, then 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: json,
      payload: JSON.stringify({ email: 'a@example.test', password: 'x'.repeat(1_048_576) }),
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('when a body of exactly 1 MiB arrives, then it is parsed (and fails only its schema)', async () => {
    const filler = 'x'.repeat(1_048_576 - '{"email":"","password":""}'.length);
    const payload = `{"email":"","password":"${filler}"}`;
    expect(Buffer.byteLength(payload)).toBe(1_048_576);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: json,
      payload,
    });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['text/plain', 'email=a@example.test'],
    ['application/x-www-form-urlencoded', 'email=a%40example.test&password=x'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\nhi\r\n--x--'],
  ])('when the body is %s, then 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, payload) => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': contentType },
      payload,
    });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('when JSON comes with a charset parameter, then it is accepted', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ email: 'nobody@example.test', password: 'whatever1' }),
    });
    expectProblem(response, 401, 'INVALID_CREDENTIALS');
  });

  it.each([
    ['an unexpected error', 'throws'],
    ['an error carrying a 5xx status', 'throws-502'],
    ['an SQL error', 'bad-sql'],
  ])(
    'when a route throws %s, then 500 INTERNAL without stack, SQL or message',
    async (_case, route) => {
      const requestId = `boom-${route}`;
      const response = await ctx.app.inject({
        url: `/test/${route}`,
        headers: { 'x-request-id': requestId },
      });
      const body = expectProblem(response, 500, 'INTERNAL');
      expect(body.detail).toBe('An unexpected error occurred');
      expect(response.body).not.toMatch(/secret_internal_table|SELECT|token=|stack|\.ts:\d+/);
      // ...but the log keeps what an operator needs, tied to the request.
      const logged = ctx.logLines().find((line) => line.requestId === requestId && line.err);
      expect(logged).toMatchObject({ level: 'error', msg: 'unhandled error' });
    },
  );
});

describe('errors answered by the router', () => {
  const ctx = useTestApp();

  it('when a path parameter is longer than the router allows, then 404 problem+json with a request id', async () => {
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/products/${'a'.repeat(150)}`,
    });
    expectProblem(response, 404, 'NOT_FOUND');
  });

  it('when the URL has a malformed percent-encoding, then 400 problem+json with a request id', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/v1/products/%E0%A4%A' });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });
});

describe('validation errors', () => {
  const ctx = useTestApp();

  it('when a body has an unknown key, then the error path names that key', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'someone@example.test', password: 'long enough', role: 'admin' },
    });
    const problem = expectProblem(response, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toContainEqual(expect.objectContaining({ path: 'role' }));
  });
});
