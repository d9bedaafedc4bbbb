import { describe, expect, it } from 'vitest';
import { findUserWithPasswordByEmail } from '../../../src/db/users.js';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, uniqueEmail } from '../../helpers/auth.js';
import { userShape } from './support.js';

const ctx = useTestApp();
const password = 'correct horse battery';

const register = (payload: unknown) =>
  ctx.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: payload as object });

describe('POST /auth/register', () => {
  it('when the body is valid, then 201 with exactly the documented user and role user', async () => {
    const email = uniqueEmail();
    const res = await register({ email, password, name: 'Ada' });

    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const { user } = res.json();
    expect(Object.keys(res.json())).toEqual(['user']);
    expect(userShape.parse(user)).toEqual(user);
    expect(user).toMatchObject({ email, name: 'Ada', role: 'user' });
    expect(Date.now() - Date.parse(user.createdAt)).toBeLessThan(60_000);
  });

  it('when the email has spaces and capitals, then it is stored trimmed and lower-cased', async () => {
    const email = uniqueEmail('MiXed').toUpperCase();
    const res = await register({ email: `  ${email}\t`, password, name: '  Grace  ' });

    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ email: email.toLowerCase(), name: 'Grace' });
  });

  it('when the name is omitted, then it is null', async () => {
    const res = await register({ email: uniqueEmail(), password });

    expect(res.statusCode).toBe(201);
    expect(res.json().user.name).toBeNull();
  });

  it('when registering, then the password is stored only as an argon2id hash and never echoed', async () => {
    const email = uniqueEmail();
    const res = await register({ email, password });

    expect(res.body).not.toContain(password);
    expect(res.body.toLowerCase()).not.toContain('password');
    const stored = await findUserWithPasswordByEmail(ctx.db, email);
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('when the password is exactly 8 or 128 characters, then it is accepted', async () => {
    for (const length of [8, 128]) {
      const res = await register({ email: uniqueEmail(), password: 'p'.repeat(length) });
      expect(res.statusCode).toBe(201);
    }
  });

  it.each([
    ['the same email', (email: string) => email],
    ['the email in capitals', (email: string) => email.toUpperCase()],
    ['the email with surrounding spaces', (email: string) => `  ${email} `],
  ])('when %s is registered twice, then 409 EMAIL_TAKEN', async (_, variant) => {
    const email = uniqueEmail();
    expect((await register({ email, password })).statusCode).toBe(201);

    const res = await register({ email: variant(email), password: 'another password' });

    expectProblem(res, 409, 'EMAIL_TAKEN');
  });

  it('when the body asks for role admin, then 400 and no account is created', async () => {
    const email = uniqueEmail('would-be-admin');
    const res = await register({ email, password, role: 'admin' });

    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual(expect.arrayContaining([expect.any(Object)]));
    expect(await findUserWithPasswordByEmail(ctx.db, email)).toBeNull();
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    expectProblem(login, 401, 'INVALID_CREDENTIALS');
  });

  it.each([
    ['the email is missing', { password }, 'email'],
    ['the email is not an email', { email: 'not-an-email', password }, 'email'],
    ['the email is too long', { email: `${'a'.repeat(250)}@example.test`, password }, 'email'],
    ['the password is missing', { email: 'a@example.test' }, 'password'],
    [
      'the password has 7 characters',
      { email: 'a@example.test', password: 'p'.repeat(7) },
      'password',
    ],
    [
      'the password has 129 characters',
      { email: 'a@example.test', password: 'p'.repeat(129) },
      'password',
    ],
    ['the password is a number', { email: 'a@example.test', password: 12345678 }, 'password'],
    ['the name is blank', { email: 'a@example.test', password, name: '   ' }, 'name'],
    [
      'the name has 201 characters',
      { email: 'a@example.test', password, name: 'n'.repeat(201) },
      'name',
    ],
    ['an unknown field is sent', { email: 'a@example.test', password, nickname: 'x' }, 'nickname'],
  ])('when %s, then 400 VALIDATION_FAILED naming the field', async (_, body, path) => {
    const res = await register(body);

    const problem = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problem.errors).toEqual(expect.arrayContaining([{ path, message: expect.any(String) }]));
  });

  it.each([
    ['an array', '[]'],
    ['a string', '"hello"'],
    ['null', 'null'],
    ['malformed JSON', '{"email":'],
    ['an empty body', ''],
  ])('when the JSON body is %s, then 400 VALIDATION_FAILED', async (_, raw) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: raw,
    });

    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'when the body is sent as %s, then 415 UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        headers: { 'content-type': contentType },
        payload: `email=${uniqueEmail()}&password=${password}`,
      });

      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('when the body is over 1 MiB, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await register({ email: uniqueEmail(), password, name: 'n'.repeat(1_100_000) });

    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});
