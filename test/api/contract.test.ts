import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../src/api/openapi.js';
import { statusByCode } from '../../src/api/problem.js';
import { useTestApp } from '../helpers/app.js';
import { createProduct } from '../helpers/factories.js';
import { createResponseValidator } from '../helpers/openapi-validator.js';

const contractPath = new URL('../../docs/API.md', import.meta.url);
const sharedContractPath = new URL('../../../shared/API.md', import.meta.url);
const contract = readFileSync(contractPath, 'utf8');

/** `- \`POST /api/v1/orders/{id}/cancel\`` lines of the contract, as [method, path]. */
const contractRoutes = [
  ...contract.matchAll(/^- `(GET|POST|PATCH|DELETE) (\/api\/v1\/[^`?\s]+)/gm),
].map(([, method, path]) => [method!, path!] as const);

/** Rows of the Errors table: `| 409 | INSUFFICIENT_STOCK | … |`. */
const contractErrors = [...contract.matchAll(/^\| (\d{3}) \| ([A-Z_]+) \|/gm)].map(
  ([, status, code]) => [Number(status), code!] as const,
);

const ctx = useTestApp();

describe('the OpenAPI document and the contract in docs/API.md', () => {
  it('when the shared contract is beside the repository, then docs/API.md is a faithful copy', () => {
    if (!existsSync(sharedContractPath)) return;
    expect(contract).toBe(readFileSync(sharedContractPath, 'utf8'));
  });

  it('when the document is served, then it is OpenAPI 3.1 and lists every route of the contract', async () => {
    expect(contractRoutes.length).toBeGreaterThanOrEqual(15);
    const response = await ctx.app.inject({ method: 'GET', url: '/docs/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\.1\./);
    const missing = contractRoutes.filter(
      ([method, path]) => !document.paths?.[path]?.[method.toLowerCase()],
    );
    expect(missing).toEqual([]);
  });

  it('when the contract names an error code, then the HTTP edge maps it to the same status', () => {
    expect(contractErrors.length).toBeGreaterThanOrEqual(19);
    for (const [status, code] of contractErrors) {
      expect({ code, status: statusByCode[code as keyof typeof statusByCode] }).toEqual({
        code,
        status,
      });
    }
  });

  it('when /docs is requested, then the interactive reference is served', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});

async function servedDocument() {
  const response = await ctx.app.inject({ method: 'GET', url: openApiPath });
  return response.json<Record<string, any>>();
}

const redocly = new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url).pathname;

describe('the OpenAPI document as tools see it', () => {
  it('when redocly lints it with its recommended rules, then there are no errors and no warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(await servedDocument()));
      const lint = spawnSync(
        process.execPath,
        [redocly, 'lint', '--extends', 'recommended', '--format', 'json', file],
        { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off' }, timeout: 60_000 },
      );
      const report = JSON.parse(lint.stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
      };
      const found = report.problems.map(
        (problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`,
      );
      expect(found).toEqual([]);
      expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when an operation is listed, then it has a unique operationId, a summary and a security requirement', async () => {
    const document = await servedDocument();
    const operations = Object.values(document.paths).flatMap((item: any) => Object.values(item));
    const ids = operations.map((operation: any) => operation.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    for (const operation of operations as any[]) {
      expect(operation.summary, operation.operationId).toBeTruthy();
      expect(Array.isArray(operation.security), operation.operationId).toBe(true);
    }
    expect(document.paths['/api/v1/products'].get.security).toEqual([]);
    expect(document.paths['/api/v1/orders'].post.security).toEqual([{ bearerAuth: [] }]);
  });
});

describe('the response validator that every test app runs', () => {
  const exchangeOf = (method: string, route: string | undefined, res: LightMyRequestResponse) => ({
    method,
    route,
    statusCode: res.statusCode,
    headers: res.headers,
    body: res.body,
  });

  async function productResponses() {
    const product = await createProduct(ctx.db);
    const found = await ctx.app.inject({ method: 'GET', url: `/api/v1/products/${product.id}` });
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/products/00000000-0000-4000-8000-000000000000',
    });
    return {
      found: exchangeOf('GET', '/api/v1/products/:id', found),
      missing: exchangeOf('GET', '/api/v1/products/:id', missing),
    };
  }

  it('when real responses match the served document, then it reports nothing', async () => {
    const validate = createResponseValidator(await servedDocument());
    const { found, missing } = await productResponses();
    expect(found.statusCode).toBe(200);
    expect(missing.statusCode).toBe(404);
    expect([...validate(found), ...validate(missing)]).toEqual([]);
  });

  it('when the schema is wrong, then the body is reported', async () => {
    const document = await servedDocument();
    document.components.schemas.Product.properties.priceCents = { type: 'string' };
    const { found } = await productResponses();
    expect(createResponseValidator(document)(found)).toEqual([
      'GET /api/v1/products/{id} → 200: body/product/priceCents must be string',
    ]);
  });

  it('when the status is not documented, then it is reported', async () => {
    const document = await servedDocument();
    delete document.paths['/api/v1/products/{id}'].get.responses['404'];
    const { missing } = await productResponses();
    expect(createResponseValidator(document)(missing)).toEqual([
      'GET /api/v1/products/{id} → 404: status 404 is not documented for this operation',
    ]);
  });

  it('when the media type differs, then it is reported', async () => {
    const document = await servedDocument();
    const notFound = document.paths['/api/v1/products/{id}'].get.responses['404'];
    notFound.content = { 'application/json': notFound.content['application/problem+json'] };
    const { missing } = await productResponses();
    expect(createResponseValidator(document)(missing)).toEqual([
      'GET /api/v1/products/{id} → 404: media type "application/problem+json" is not documented (application/json)',
    ]);
  });

  it('when a header is sent but not documented, or documented as required but missing, then it is reported', async () => {
    const document = await servedDocument();
    const ok = document.paths['/api/v1/products/{id}'].get.responses['200'];
    delete ok.headers.ETag;
    ok.headers.Location = { required: true, schema: { type: 'string' } };
    const { found } = await productResponses();
    expect(createResponseValidator(document)(found)).toEqual([
      'GET /api/v1/products/{id} → 200: required header location is missing',
      'GET /api/v1/products/{id} → 200: header etag is sent but not documented',
    ]);
  });
});
