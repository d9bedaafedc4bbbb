import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { useTestApp } from '../../helpers/app.js';
import { logIn, registerAndLogIn, type SignedIn } from '../../helpers/auth.js';
import {
  forgeJwt,
  nowInSeconds,
  problemShape,
  sessionShape,
  userEnvelope,
  type userShape,
} from './support.js';

// Rate limits would turn the later runs into 429s and hide what the routes themselves answer.
const ctx = useTestApp({
  LOGIN_RATE_LIMIT_PER_EMAIL: '1000000',
  LOGIN_RATE_LIMIT_PER_IP: '1000000',
});
const numRuns = 500;

/** The status shared/API.md gives each code an auth route may answer with. */
const documentedStatus: Record<string, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_REFRESH_TOKEN: 401,
  EMAIL_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

interface Expected {
  codes: string[];
  status: number;
  /** The success body's shape; none means an empty body. */
  shape?: z.ZodType;
}

/** 5xx never; 4xx a documented problem; 2xx the documented success. Returns the success body. */
function expectDocumentedAnswer(res: LightMyRequestResponse, expected: Expected): unknown {
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(res.body).not.toContain('$argon2');
  if (res.statusCode >= 400) {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = problemShape.parse(res.json());
    expect(expected.codes).toContain(problem.code);
    expect(problem.status).toBe(res.statusCode);
    expect(documentedStatus[problem.code]).toBe(res.statusCode);
    expect(problem.requestId).toBe(res.headers['x-request-id']);
    return undefined;
  }
  expect(res.statusCode, res.body).toBe(expected.status);
  if (!expected.shape) {
    expect(res.body).toBe('');
    return undefined;
  }
  const body = res.json();
  expect(expected.shape.parse(body)).toEqual(body);
  return body;
}

const oddString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\u202E', '__proto__', 'admin', 'null'),
  fc.nat({ max: 200_000 }).map((length) => 'x'.repeat(length)),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyJson, { maxLength: 3 }),
  fc.dictionary(fc.string(), anyJson, { maxKeys: 3 }),
);
/** Mostly plausible values, sometimes odd strings or the wrong type. */
const field = (plausible: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 5, arbitrary: plausible },
    { weight: 2, arbitrary: oddString },
    { weight: 1, arbitrary: wrongType },
  );
const email = fc.oneof(
  fc.emailAddress(),
  fc
    .tuple(fc.stringMatching(/^[a-z0-9._+-]{1,20}$/), fc.constantFrom('example.test', 'mail.co'))
    .map(([local, domain]) => `${local}@${domain}`),
);
/** Emails as clients send them: sometimes padded or in capitals. */
const sentEmail = fc.oneof(
  email,
  email.map((address) => `  ${address.toUpperCase()}\t`),
);
const password = fc.string({ minLength: 1, maxLength: 140 });
const extraKeys = fc.dictionary(
  fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'role', 'isAdmin', 'id')),
  anyJson,
  { maxKeys: 2 },
);
/** A JSON object of the route's fields, each possibly missing or wrong, sometimes with extras. */
const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraKeys }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));

const oversized = JSON.stringify({ padding: 'x'.repeat(1_100_000) });
const rawPayload = fc.oneof(
  anyJson.map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom(
    '',
    '{',
    '{"__proto__":{"role":"admin"}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '['.repeat(10_000),
    oversized,
  ),
);
/** The text actually sent: usually the JSON of a route body, else any JSON, garbage, or nothing. */
const payloadOf = (body: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: body.map((value) => JSON.stringify(value)) },
    { weight: 3, arbitrary: rawPayload },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'application/problem+json',
      'application/jsonx',
      'text/plain',
      'text/json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      ';',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A request from the generated parts; undefined parts are left out. */
function send(
  method: 'GET' | 'POST',
  url: string,
  parts: { payload?: string | undefined; contentType?: string | undefined; authorization?: string },
) {
  const headers: Record<string, string> = {};
  if (parts.contentType !== undefined) headers['content-type'] = parts.contentType;
  if (parts.authorization !== undefined) headers.authorization = parts.authorization;
  return ctx.app.inject({ method, url, headers, payload: parts.payload });
}

describe('auth routes under generated input', () => {
  let known: SignedIn;
  /** Live refresh tokens: the first use of each succeeds, later ones are reuse. */
  let liveRefreshTokens: string[];

  beforeAll(async () => {
    known = await registerAndLogIn(ctx.app, 'known');
    liveRefreshTokens = [];
    for (let login = 0; login < 8; login++) {
      liveRefreshTokens.push((await logIn(ctx.app, known.email, known.password)).refreshToken);
    }
  });

  it('when register gets any body or content type, then 201 (role user) or a documented 4xx', async () => {
    const body = bodyOf({
      email: field(sentEmail),
      password: field(password),
      name: field(fc.string({ maxLength: 210 })),
      role: fc.constantFrom('user', 'admin'),
    });
    // Valid-looking sign-ups reach the database; the odd names probe what Postgres refuses.
    const signUp = fc.record(
      {
        email: sentEmail,
        password: fc.string({ minLength: 8, maxLength: 128 }),
        name: fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 20 }),
          fc.constantFrom('\u0000', 'a\u0000b', '\u0007', '\uD800', '\u202E', '  '),
        ),
      },
      { requiredKeys: ['email', 'password'] },
    );
    await fc.assert(
      fc.asyncProperty(payloadOf(fc.oneof(body, signUp)), contentType, async (payload, type) => {
        const res = await send('POST', '/api/v1/auth/register', { payload, contentType: type });
        const created = expectDocumentedAnswer(res, {
          codes: [
            'VALIDATION_FAILED',
            'EMAIL_TAKEN',
            'PAYLOAD_TOO_LARGE',
            'UNSUPPORTED_MEDIA_TYPE',
          ],
          status: 201,
          shape: userEnvelope,
        }) as { user: z.infer<typeof userShape> } | undefined;
        if (created) {
          const sent = JSON.parse(payload!);
          expect(created.user.role).toBe('user');
          expect(created.user.email).toBe(sent.email.trim().toLowerCase());
        }
      }),
      { numRuns },
    );
  });

  it('when login gets any body or content type, then 200 with a session or a documented 4xx', async () => {
    const body = fc.oneof(
      { weight: 1, arbitrary: fc.constant({ email: known.email, password: known.password }) },
      { weight: 2, arbitrary: fc.record({ email: sentEmail, password }) },
      { weight: 7, arbitrary: bodyOf({ email: field(sentEmail), password: field(password) }) },
    );
    await fc.assert(
      fc.asyncProperty(payloadOf(body), contentType, async (payload, type) => {
        const res = await send('POST', '/api/v1/auth/login', { payload, contentType: type });
        const session = expectDocumentedAnswer(res, {
          codes: [
            'VALIDATION_FAILED',
            'INVALID_CREDENTIALS',
            'PAYLOAD_TOO_LARGE',
            'UNSUPPORTED_MEDIA_TYPE',
          ],
          status: 200,
          shape: sessionShape,
        }) as z.infer<typeof sessionShape> | undefined;
        if (session) expect(session.user.id).toBe(known.userId);
      }),
      { numRuns },
    );
  });

  it.each(['refresh', 'logout'])(
    'when %s gets any body or content type, then its success or a documented 4xx',
    async (route) => {
      const refreshToken = field(
        fc.oneof(fc.constantFrom(...liveRefreshTokens), fc.base64String({ maxLength: 64 })),
      );
      const expected: Expected =
        route === 'refresh'
          ? {
              codes: [
                'VALIDATION_FAILED',
                'INVALID_REFRESH_TOKEN',
                'PAYLOAD_TOO_LARGE',
                'UNSUPPORTED_MEDIA_TYPE',
              ],
              status: 200,
              shape: sessionShape,
            }
          : {
              codes: ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
              status: 204,
            };
      await fc.assert(
        fc.asyncProperty(
          payloadOf(bodyOf({ refreshToken })),
          contentType,
          async (payload, type) => {
            const res = await send('POST', `/api/v1/auth/${route}`, { payload, contentType: type });
            expectDocumentedAnswer(res, expected);
          },
        ),
        { numRuns },
      );
    },
  );

  describe('bearer routes', () => {
    let bearer: SignedIn;

    beforeAll(async () => {
      bearer = await registerAndLogIn(ctx.app, 'bearer');
    });

    /** Authorization headers: absent, junk, forged with random claims, algorithms and secrets, or real. */
    const authorization = () => {
      const claims = fc.record(
        {
          sub: fc.oneof(fc.constant(bearer.userId), fc.uuid(), anyJson),
          role: fc.oneof(fc.constantFrom('user', 'admin'), anyJson),
          jti: fc.oneof(fc.constant(randomUUID()), anyJson),
          iat: fc.oneof(fc.constant(nowInSeconds()), anyJson),
          exp: fc.oneof(
            fc.integer({ min: nowInSeconds() + 60, max: nowInSeconds() + 3600 }),
            fc.integer({ min: 0, max: nowInSeconds() - 1 }),
            anyJson,
          ),
        },
        { requiredKeys: [] },
      );
      const forged = fc
        .tuple(
          claims,
          fc.oneof(fc.constant(ctx.config.JWT_SECRET), fc.string({ minLength: 32, maxLength: 40 })),
          fc.constantFrom('HS256', 'HS384', 'HS512', 'none', 'RS256'),
        )
        .map(([payload, secret, alg]) => forgeJwt(payload, secret, { alg, typ: 'JWT' }));
      const mutated = fc
        .nat({ max: bearer.accessToken.length - 1 })
        .map(
          (at) =>
            `${bearer.accessToken.slice(0, at)}${bearer.accessToken[at] === 'a' ? 'b' : 'a'}${bearer.accessToken.slice(at + 1)}`,
        );
      return fc.oneof(
        fc.constant(undefined),
        fc.string(),
        fc.string().map((junk) => `Bearer ${junk}`),
        fc
          .oneof(forged, mutated, fc.constant(bearer.accessToken))
          .map((token) => `Bearer ${token}`),
      );
    };

    it('when GET /users/me gets any Authorization header, then 200 with the user or 401', async () => {
      await fc.assert(
        fc.asyncProperty(authorization(), async (header) => {
          const res = await send('GET', '/api/v1/users/me', { authorization: header });
          const body = expectDocumentedAnswer(res, {
            codes: ['UNAUTHENTICATED'],
            status: 200,
            shape: userEnvelope,
          }) as { user: { id: string } } | undefined;
          if (body) expect(body.user.id).toBe(bearer.userId);
        }),
        { numRuns },
      );
    });

    it('when logout-all gets any Authorization header, body or content type, then 204 or a documented 4xx', async () => {
      await fc.assert(
        fc.asyncProperty(
          authorization(),
          fc.oneof(fc.constant(undefined), payloadOf(anyJson)),
          contentType,
          async (header, payload, type) => {
            const res = await send('POST', '/api/v1/auth/logout-all', {
              authorization: header,
              payload,
              contentType: type,
            });
            expectDocumentedAnswer(res, {
              codes: [
                'VALIDATION_FAILED',
                'UNAUTHENTICATED',
                'PAYLOAD_TOO_LARGE',
                'UNSUPPORTED_MEDIA_TYPE',
              ],
              status: 204,
            });
          },
        ),
        { numRuns },
      );
    });
  });
});
