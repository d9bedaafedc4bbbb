import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

export interface SignedIn {
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  userId: string;
  headers: { authorization: string };
}

export async function registerAndLogIn(app: FastifyInstance, label?: string): Promise<SignedIn> {
  const email = uniqueEmail(label);
  const password = 'correct horse battery';
  const registered = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password },
  });
  expect(registered.statusCode).toBe(201);
  return logIn(app, email, password);
}

export async function logIn(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  expect(response.statusCode).toBe(200);
  const session = response.json();
  return {
    email,
    password,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    userId: session.user.id,
    headers: { authorization: `Bearer ${session.accessToken}` },
  };
}

/** Asserts an RFC 9457 problem with the given status and code, and returns its body. */
export function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json: () => any },
  status: number,
  code: string,
) {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json();
  expect(body).toMatchObject({ type: 'about:blank', status, code });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(response.statusCode).toBe(status);
  return body;
}
