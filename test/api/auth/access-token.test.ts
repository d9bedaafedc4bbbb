import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectProblem, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import { decodeJwtPart, forgeJwt, nowInSeconds, userShape } from './support.js';

const ctx = useTestApp();
let user: SignedIn;

beforeAll(async () => {
  user = await registerAndLogIn(ctx.app);
});

const me = (authorization?: string) =>
  ctx.app.inject({
    method: 'GET',
    url: '/api/v1/users/me',
    headers: authorization === undefined ? {} : { authorization },
  });

/** Claims the app would accept, valid for another minute. */
const liveClaims = () => ({
  sub: user.userId,
  role: 'user',
  jti: randomUUID(),
  iat: nowInSeconds(),
  exp: nowInSeconds() + 60,
});

describe('GET /users/me and the access token', () => {
  it('when the token is valid, then 200 with exactly the documented user', async () => {
    const res = await me(user.headers.authorization);

    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json())).toEqual(['user']);
    expect(userShape.parse(res.json().user)).toEqual(res.json().user);
    expect(res.json().user).toMatchObject({ id: user.userId, email: user.email, role: 'user' });
  });

  it('when a token is forged with the real secret and live claims, then it is accepted', async () => {
    // The control for the rejections below: each of them changes exactly one thing.
    const res = await me(`Bearer ${forgeJwt(liveClaims(), ctx.config.JWT_SECRET)}`);

    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['there is no Authorization header', undefined],
    ['the scheme is not Bearer', () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['the Bearer token is missing', () => 'Bearer '],
    ['the token is not a JWT', () => 'Bearer not-a-jwt'],
    ['the token has three garbage parts', () => 'Bearer a.b.c'],
  ])('when %s, then 401 UNAUTHENTICATED', async (_, authorization) => {
    expectProblem(await me(authorization?.()), 401, 'UNAUTHENTICATED');
  });

  it('when the token has expired, then 401 UNAUTHENTICATED', async () => {
    const claims = { ...liveClaims(), iat: nowInSeconds() - 120, exp: nowInSeconds() - 60 };

    const res = await me(`Bearer ${forgeJwt(claims, ctx.config.JWT_SECRET)}`);

    expectProblem(res, 401, 'UNAUTHENTICATED');
  });

  it('when the payload is tampered with, then 401 UNAUTHENTICATED', async () => {
    const [header, , signature] = user.accessToken.split('.');
    const payload = { ...decodeJwtPart(user.accessToken, 1), role: 'admin' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;

    expectProblem(await me(`Bearer ${tampered}`), 401, 'UNAUTHENTICATED');
  });

  it('when the signature is altered, then 401 UNAUTHENTICATED', async () => {
    // Not the last character: its low bits are base64url padding and may decode to the same bytes.
    const last = user.accessToken.at(-2) === 'A' ? 'B' : 'A';
    const altered = `${user.accessToken.slice(0, -2)}${last}${user.accessToken.at(-1)}`;

    expectProblem(await me(`Bearer ${altered}`), 401, 'UNAUTHENTICATED');
  });

  it('when the token uses alg none, then 401 UNAUTHENTICATED', async () => {
    const token = forgeJwt(liveClaims(), '', { alg: 'none', typ: 'JWT' });

    expectProblem(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it('when the token is signed with another secret, then 401 UNAUTHENTICATED', async () => {
    const token = forgeJwt(liveClaims(), 'another-secret-of-at-least-32-characters!');

    expectProblem(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it.each(['HS384', 'HS512'])(
    'when the token is signed with the real secret but %s, then 401 (the algorithm is pinned)',
    async (alg) => {
      const token = forgeJwt(liveClaims(), ctx.config.JWT_SECRET, { alg, typ: 'JWT' });

      expectProblem(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
    },
  );

  it('when the token names a user that does not exist, then 401 UNAUTHENTICATED', async () => {
    const token = forgeJwt({ ...liveClaims(), sub: randomUUID() }, ctx.config.JWT_SECRET);

    expectProblem(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['sub is not a UUID', { sub: 'not-a-uuid' }],
    ['sub is missing', { sub: undefined }],
    ['role is unknown', { role: 'root' }],
    ['exp is missing, so it would never expire', { exp: undefined }],
  ])('when a well-signed token has bad claims (%s), then 401 UNAUTHENTICATED', async (_, patch) => {
    const token = forgeJwt({ ...liveClaims(), ...patch }, ctx.config.JWT_SECRET);

    expectProblem(await me(`Bearer ${token}`), 401, 'UNAUTHENTICATED');
  });
});
