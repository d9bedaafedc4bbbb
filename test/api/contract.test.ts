import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statusByCode } from '../../src/api/problem.js';
import { useTestApp } from '../helpers/app.js';

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
