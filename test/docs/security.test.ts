import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const securityDoc = readFileSync(resolve(root, 'docs/SECURITY.md'), 'utf8');

/** Each `file` › "test name" the document cites. */
const citations = [...securityDoc.matchAll(/`(test\/[^`]+\.test\.ts)` › "([^"]+)"/g)].map(
  ([, file, name]) => ({ file: file!, name: name! }),
);

const owaspRisks = Array.from({ length: 10 }, (_, index) => `API${index + 1}:2023`);

describe('docs/SECURITY.md', () => {
  it('when read, then each OWASP API Security Top 10 (2023) risk has a row that names a test', () => {
    const rows = securityDoc.split('\n').filter((line) => line.startsWith('| API'));
    for (const risk of owaspRisks) {
      const row = rows.find((line) => line.startsWith(`| ${risk} `));
      expect(row, `${risk} has no row`).toBeDefined();
      expect(row, `${risk} names no test`).toMatch(/`test\/[^`]+\.test\.ts` › "/);
    }
  });

  it.each(citations.map((citation) => [citation.file, citation.name]))(
    'when it cites %s › "%s", then that test exists',
    (file, name) => {
      const path = resolve(root, file);
      expect(existsSync(path), `${file} does not exist`).toBe(true);
      const source = readFileSync(path, 'utf8');
      // The name as written in it('…') or it.each(…)('…'), whichever quote it uses.
      const quoted = ["'", '"', '`'].some((quote) =>
        source.includes(`${quote}${quote === "'" ? name.replaceAll("'", "\\'") : name}${quote}`),
      );
      expect(quoted, `no test named "${name}" in ${file}`).toBe(true);
    },
  );

  it('when it tells how to report a vulnerability, then the section is there', () => {
    expect(securityDoc).toMatch(/^## Reporting a vulnerability$/m);
  });
});
