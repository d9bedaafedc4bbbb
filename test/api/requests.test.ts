import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../src/api/openapi.js';
import { useTestApp } from '../helpers/app.js';

const ctx = useTestApp();
const files = ['vscode.http', 'jetbrains.http'];

/** `POST /api/v1/orders/{}/cancel` for each request line: variables and parameters alike are `{}`. */
function requestsIn(file: string): string[] {
  const text = readFileSync(new URL(`../../requests/${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(/^(GET|POST|PUT|PATCH|DELETE) \{\{baseUrl\}\}(\S*)/gm)].map(
    ([, method, target]) =>
      `${method} ${target!.split('?')[0]!.replace(/\{\{[^}]+\}\}/g, '{}') || '/'}`,
  );
}

describe('requests/*.http', () => {
  it('when the two files are compared, then they send the same requests in the same order', () => {
    expect(requestsIn('jetbrains.http')).toEqual(requestsIn('vscode.http'));
  });

  it.each(files)('when an operation is documented, then %s has a request for it', async (file) => {
    const document = (await ctx.app.inject({ method: 'GET', url: openApiPath })).json<{
      paths: Record<string, Record<string, unknown>>;
    }>();
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map(
        (method) => `${method.toUpperCase()} ${path.replace(/\{\w+\}/g, '{}')}`,
      ),
    );
    const requested = new Set(requestsIn(file));
    expect(documented.filter((operation) => !requested.has(operation))).toEqual([]);
  });
});
