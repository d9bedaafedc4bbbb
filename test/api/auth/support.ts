import { createHmac } from 'node:crypto';
import { z } from 'zod';

/** The documented shapes (shared/API.md), written independently of the app's own schemas. */
export const userShape = z.strictObject({
  id: z.uuid(),
  email: z.email(),
  name: z.string().nullable(),
  role: z.enum(['user', 'admin']),
  createdAt: z.iso.datetime(),
});

export const userEnvelope = z.strictObject({ user: userShape });

export const sessionShape = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().positive(),
  user: userShape,
});

export const problemShape = z.looseObject({
  type: z.literal('about:blank'),
  title: z.string().min(1),
  status: z.number().int().min(400).max(599),
  code: z.string().regex(/^[A-Z_]+$/),
  detail: z.string(),
  requestId: z.string().min(1),
  errors: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const hmacDigests: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** Builds a JWT by hand, so tests can forge what @fastify/jwt would never sign. */
export function forgeJwt(
  payload: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const unsigned = `${base64url(header)}.${base64url(payload)}`;
  const digest = hmacDigests[String(header.alg)];
  const signature = digest ? createHmac(digest, secret).update(unsigned).digest('base64url') : '';
  return `${unsigned}.${signature}`;
}

export function decodeJwtPart(token: string, part: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[part]!, 'base64url').toString());
}

export const nowInSeconds = () => Math.floor(Date.now() / 1000);
