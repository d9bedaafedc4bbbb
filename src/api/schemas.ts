import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { roles } from '../db/users.js';
import { statusByCode, type ProblemCode } from './problem.js';

export const uuidParam = z.uuid();

const userExample = {
  id: '0b6c1a52-6f1e-4b8e-9d55-2f7f3c1b9a10',
  email: 'demo@example.com',
  name: 'Demo',
  role: 'user',
  createdAt: '2026-12-01T09:30:00.000Z',
} as const;

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string().nullable(),
    role: z.enum(roles),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User', examples: [userExample] });

export const userResponse = z.object({ user: userSchema }).meta({
  description: 'The account',
  examples: [{ user: userExample }],
});

export const sessionSchema = z
  .object({
    accessToken: z.string().describe('JWT to send as `Authorization: Bearer <accessToken>`'),
    refreshToken: z.string().describe('Opaque; exchange it at /auth/refresh (it rotates)'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Access token lifetime in seconds'),
    user: userSchema,
  })
  .meta({
    id: 'Session',
    description: 'Tokens for the signed-in user',
    examples: [
      {
        accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwYjZj…',
        refreshToken: 'mZ3vQ0c1r8mT0bE3l4pGmV0P6Jk2hXo9aQ1sW7yTz5U',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: userExample,
      },
    ],
  });

const problemCodes = Object.keys(statusByCode) as [ProblemCode, ...ProblemCode[]];

export const problemSchema = z
  .object({
    type: z.string().describe('Always `about:blank`: `code` says what went wrong'),
    title: z.string().describe('The HTTP reason phrase of `status`'),
    status: z.int().min(400).max(599),
    code: z.enum(problemCodes).describe('Stable and machine-readable: match on this'),
    detail: z.string().describe('For people; may change'),
    requestId: z.string().describe('The X-Request-Id of this exchange'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Present on VALIDATION_FAILED: one entry per failing field'),
  })
  .catchall(z.unknown())
  .meta({
    id: 'Problem',
    description:
      'RFC 9457 problem details; extra members (e.g. `shortages`, `productIds`) carry details',
    examples: [
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'The body failed validation',
        requestId: '3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84',
        errors: [{ path: 'email', message: 'Invalid email address' }],
      },
    ],
  });

/** Documents the error answers a route can give; the body is always a Problem. */
export function problems(...statuses: number[]): Record<number, typeof problemSchema> {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema]));
}

/** What each error status means here, from the one code table (`src/api/problem.ts`). */
export function problemDescription(status: number): string {
  const codes = problemCodes.filter((code) => statusByCode[code] === status);
  return `${STATUS_CODES[status] ?? 'Error'}: problem details, \`code\` ${codes.join(' or ')}`;
}

/**
 * Response headers the API sends, documented once. A route names the ones it sets in
 * `schema.responseHeaders`; X-Request-Id, Retry-After and RateLimit-* are added by rule
 * (see src/api/openapi.ts).
 */
export const responseHeaders = {
  Location: {
    description: 'Path of the resource just created',
    required: true,
    schema: { type: 'string', examples: ['/api/v1/orders/6f0c9a86-1c1f-4f0e-9a7a-8c3d2b1e0f55'] },
  },
  ETag: {
    description: 'The version as a strong ETag, `"<version>"`; send it back in If-Match',
    required: true,
    schema: { type: 'string', pattern: '^"\\d+"$', examples: ['"3"'] },
  },
  'Idempotency-Replayed': {
    description: 'Present (`true`) when this is the stored answer to an earlier request',
    required: false,
    schema: { type: 'string', enum: ['true'] },
  },
  'Retry-After': {
    description: 'Seconds to wait before retrying',
    required: true,
    schema: { type: 'string', pattern: '^\\d+$', examples: ['30'] },
  },
  'RateLimit-Limit': {
    description: 'Requests allowed in the current window',
    required: false,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  'RateLimit-Remaining': {
    description: 'Requests left in the current window',
    required: false,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  'RateLimit-Reset': {
    description: 'Seconds until the window resets',
    required: false,
    schema: { type: 'string', pattern: '^\\d+$' },
  },
  'X-Request-Id': {
    description:
      'Correlates logs and traces: the caller’s own (1–128 of `[A-Za-z0-9._:-]`) or one generated',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
  },
} as const;
export type ResponseHeaderName = keyof typeof responseHeaders;

declare module 'fastify' {
  interface FastifySchema {
    /** Headers this route sets, by status (documented in the OpenAPI document). */
    responseHeaders?: Partial<Record<number, readonly ResponseHeaderName[]>>;
  }
}

export const emailInput = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const passwordInput = z.string().min(8).max(128);
export const refreshTokenBody = z
  .strictObject({ refreshToken: z.string().min(1).max(512) })
  .meta({ examples: [{ refreshToken: 'mZ3vQ0c1r8mT0bE3l4pGmV0P6Jk2hXo9aQ1sW7yTz5U' }] });

/** A query string that takes no parameters: an unknown one is 400, as on every route. */
export const noQuery = z.strictObject({});

export const bearerAuth = [{ bearerAuth: [] }];
