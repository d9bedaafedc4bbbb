import { createHmac, randomUUID } from 'node:crypto';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token as the API signs it (src/api/auth.ts, @fastify/jwt): HS256 over
 * { sub, role, jti, iat, exp }. Valid for a day, longer than any bench run.
 */
export function signAccessToken(secret: string, userId: string, nowSeconds: number): string {
  const header = base64url({ alg: 'HS256', typ: 'JWT' });
  const claims = base64url({
    sub: userId,
    role: 'user',
    jti: randomUUID(),
    iat: nowSeconds,
    exp: nowSeconds + 24 * 60 * 60,
  });
  const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}
