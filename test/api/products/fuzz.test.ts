import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { productSchema } from '../../../src/api/routes/products/schemas.js';
import { problemSchema } from '../../../src/api/schemas.js';
import { statusByCode, type ProblemCode } from '../../../src/api/problem.js';
import { useTestApp } from '../../helpers/app.js';
import { registerAndLogIn } from '../../helpers/auth.js';
import { createAdmin, createProduct } from '../../helpers/factories.js';

const ctx = useTestApp();
const numRuns = 500;

let headersByCaller: Record<string, Record<string, string>>;
let productIds: string[];
let validCursor: string;

beforeAll(async () => {
  const [admin, user] = [await createAdmin(ctx.app, ctx.db), await registerAndLogIn(ctx.app)];
  headersByCaller = {
    admin: admin.headers,
    user: user.headers,
    anonymous: {},
    forged: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
  };
  productIds = [];
  for (let i = 0; i < 30; i++) productIds.push((await createProduct(ctx.db)).id);
  const page = await ctx.app.inject({ method: 'GET', url: '/api/v1/products?limit=5' });
  validCursor = page.json().nextCursor;
});

// Strict copies of the response schemas: a success must carry exactly the documented keys.
const strictProduct = z.strictObject(productSchema.shape);
const successBodies = {
  page: z.strictObject({ items: z.array(strictProduct), nextCursor: z.string().nullable() }),
  product: z.strictObject({ product: strictProduct }),
};

type Injected = Awaited<ReturnType<typeof ctx.app.inject>>;

/**
 * Every answer is a documented success or a documented problem, never a 5xx.
 * Returns whether it was the success, so each property can check it reached one.
 */
function expectDocumented(
  res: Injected,
  allowed: number[],
  success: { status: number; body?: z.ZodType },
): boolean {
  expect(res.statusCode, res.body).toBeLessThan(500);
  expect(allowed, `${res.statusCode} ${res.body}`).toContain(res.statusCode);
  if (res.statusCode === success.status) {
    if (success.body) {
      const body = success.body.parse(res.json()) as { product?: { version: number } };
      if (body.product) expect(res.headers.etag).toBe(`"${body.product.version}"`);
    } else {
      expect(res.body).toBe('');
    }
    return true;
  }
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = problemSchema.parse(res.json());
  expect(problem.status).toBe(res.statusCode);
  expect(statusByCode[problem.code as ProblemCode]).toBe(res.statusCode);
  expect(problem.requestId).toBe(res.headers['x-request-id']);
  expect(problem.type).toBe('about:blank');
  return false;
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 300 }), printable);
const anyValue = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
const caller = fc.constantFrom('admin', 'admin', 'admin', 'admin', 'user', 'anonymous', 'forged');
const productId = fc.oneof(
  { arbitrary: fc.nat({ max: 29 }).map((index) => productIds[index]!), weight: 4 },
  { arbitrary: fc.uuid(), weight: 1 },
  { arbitrary: anyText, weight: 1 },
  // Past the router's maxParamLength (100) too: that answer must be a problem as well.
  { arbitrary: fc.stringMatching(/^[\w-]{37,300}$/), weight: 1 },
);
const idPath = (id: string) => `/api/v1/products/${encodeURIComponent(id)}`;

const validFields = {
  name: fc.string({ minLength: 1, maxLength: 200 }),
  description: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
  sku: fc.option(fc.stringMatching(/^[A-Z0-9-]{1,6}$/), { nil: null }),
  priceCents: fc.nat({ max: 10_000_000_000 }),
  currency: fc.constantFrom('USD', 'EUR', 'JPY'),
  stock: fc.nat({ max: 1_000_000_000 }),
};
const field = <T>(plausible: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>) =>
  fc.oneof(plausible, odd, anyValue);
const mangledFields = {
  name: field(validFields.name, fc.string({ maxLength: 210 })),
  description: field(validFields.description, fc.string({ minLength: 4990, maxLength: 5010 })),
  sku: field(validFields.sku, fc.string({ maxLength: 70 })),
  priceCents: field(validFields.priceCents, fc.oneof(fc.maxSafeInteger(), fc.integer())),
  currency: field(validFields.currency, fc.constantFrom('usd', 'QQQ', 'US', '', 'EURO')),
  stock: field(validFields.stock, fc.integer({ min: -5, max: 2 ** 31 + 5 })),
};
const withExtraKeys = (fields: fc.Arbitrary<Record<string, unknown>>) =>
  fc
    .tuple(fields, fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { minKeys: 1, maxKeys: 3 }))
    .map(([known, extra]) => ({ ...extra, ...known }));
const bodies = (valid: fc.Arbitrary<Record<string, unknown>>) => {
  const mangled = fc.record(mangledFields, { requiredKeys: [] });
  return fc.oneof(
    { arbitrary: valid, weight: 4 },
    { arbitrary: mangled, weight: 3 },
    { arbitrary: withExtraKeys(mangled), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
  );
};
// A raw payload: JSON of a body, or text that is not JSON at all.
const payloads = (valid: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof(
    { arbitrary: bodies(valid).map((value) => JSON.stringify(value)), weight: 5 },
    { arbitrary: anyText, weight: 1 },
  );
const createPayload = payloads(
  fc.record(validFields, { requiredKeys: ['name', 'priceCents', 'stock'] }),
);
const updatePayload = payloads(fc.record(validFields, { requiredKeys: [] }));
const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 6 },
  { arbitrary: fc.constant('application/json; charset=utf-8'), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/jsonx',
    ),
    weight: 1,
  },
  { arbitrary: printable, weight: 1 },
);

describe('product routes under generated input', () => {
  it(`when GET /products gets ${numRuns} random queries, then only documented answers`, async () => {
    const queryValue = fc.oneof(
      anyText,
      fc.integer().map(String),
      fc.constant(null).map(() => validCursor),
      fc.constantFrom('%', '_', '\\', '%%', '1e1', '0x10', ' 5', '5 ', '100', '101'),
    );
    const query = fc.dictionary(
      fc.oneof(fc.constantFrom('limit', 'cursor', 'q'), fc.string({ maxLength: 6 })),
      fc.oneof(queryValue, fc.array(queryValue, { maxLength: 2 })),
      { maxKeys: 4 },
    );
    const rawTail = fc.constantFrom('', '&', '&&limit', '&q=%zz', '&limit=%', '&q[]=1', '&=');
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(query, rawTail, async (params, tail) => {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(params)) {
          for (const item of [value].flat()) search.append(key, item);
        }
        const res = await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/products?${search}${tail}`,
        });
        successes += expectDocumented(res, [200, 400], { status: 200, body: successBodies.page })
          ? 1
          : 0;
      }),
      { numRuns },
    );
    expect(successes).toBeGreaterThan(0);
  });

  it(`when GET /products/{id} gets ${numRuns} random ids, then only documented answers`, async () => {
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(productId, async (id) => {
        const res = await ctx.app.inject({ method: 'GET', url: idPath(id) });
        successes += expectDocumented(res, [200, 400, 404], {
          status: 200,
          body: successBodies.product,
        })
          ? 1
          : 0;
      }),
      { numRuns },
    );
    expect(successes).toBeGreaterThan(0);
  });

  it(`when POST /products gets ${numRuns} random bodies, then only documented answers`, async () => {
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(caller, createPayload, contentType, async (who, raw, type) => {
        const res = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/products',
          headers: { ...headersByCaller[who], 'content-type': type },
          payload: raw,
        });
        successes += expectDocumented(res, [201, 400, 401, 403, 409, 415], {
          status: 201,
          body: successBodies.product,
        })
          ? 1
          : 0;
        if (res.statusCode === 201) expect(res.headers.location).toMatch(/^\/api\/v1\/products\//);
      }),
      { numRuns },
    );
    expect(successes).toBeGreaterThan(0);
  });

  it(`when PATCH /products/{id} gets ${numRuns} random bodies and If-Match, then only documented answers`, async () => {
    const ifMatch = fc.option(
      fc.oneof(
        fc.nat(8).map((version) => `"${version}"`),
        fc.nat(8).map((version) => `W/"${version}"`),
        fc.constantFrom('*', '"1", "2"', '1', '""', `"${'9'.repeat(15)}"`, `"${'9'.repeat(16)}"`),
        printable,
      ),
      { nil: undefined, freq: 2 },
    );
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(
        caller,
        productId,
        updatePayload,
        contentType,
        ifMatch,
        async (who, id, raw, type, version) => {
          const headers: Record<string, string> = { ...headersByCaller[who], 'content-type': type };
          if (version !== undefined) headers['if-match'] = version;
          const res = await ctx.app.inject({
            method: 'PATCH',
            url: idPath(id),
            headers,
            payload: raw,
          });
          successes += expectDocumented(res, [200, 400, 401, 403, 404, 409, 412, 415], {
            status: 200,
            body: successBodies.product,
          })
            ? 1
            : 0;
        },
      ),
      { numRuns },
    );
    expect(successes).toBeGreaterThan(0);
  });

  it(`when DELETE /products/{id} gets ${numRuns} random ids, then only documented answers`, async () => {
    let successes = 0;
    await fc.assert(
      fc.asyncProperty(caller, productId, fc.option(updatePayload), async (who, id, raw) => {
        const res = await ctx.app.inject({
          method: 'DELETE',
          url: idPath(id),
          headers:
            raw === null
              ? headersByCaller[who]
              : { ...headersByCaller[who], 'content-type': 'application/json' },
          ...(raw === null ? {} : { payload: raw }),
        });
        successes += expectDocumented(res, [204, 400, 401, 403, 404, 415], { status: 204 }) ? 1 : 0;
      }),
      { numRuns },
    );
    expect(successes).toBeGreaterThan(0);
  });
});
