/**
 * scripts/check-dockerfiles.ts must pass on the real Dockerfiles and fail on broken copies.
 * Copies live in a temp "build context" whose other entries link to the real repository;
 * the real files are never touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkDockerfiles,
  isIgnored,
  parseDockerignore,
  type CheckResult,
} from '../../scripts/check-dockerfiles.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'check-dockerfiles-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const real = (path: string) => readFileSync(join(root, path), 'utf8');
const linked = [
  'src',
  'migrations',
  'scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** A build context with an edited Dockerfile (and .dockerignore); the rest links to the repo. */
let contexts = 0;
function context(
  dockerfile: (text: string) => string,
  dockerignore: (text: string) => string = (text) => text,
  name = 'Dockerfile.api',
): string {
  const context = join(dir, `ctx-${++contexts}`);
  spawnSync('mkdir', ['-p', context]);
  for (const entry of linked) symlinkSync(join(root, entry), join(context, entry));
  const text = real(name);
  const broken = dockerfile(text);
  const ignore = real('.dockerignore');
  expect(broken !== text || dockerignore(ignore) !== ignore, 'the edit must change something').toBe(
    true,
  );
  writeFileSync(join(context, name), broken);
  writeFileSync(join(context, '.dockerignore'), dockerignore(ignore));
  return context;
}

/** The failed checks' names (every other check must still pass: the failure is pinpointed). */
function failedChecks(context: string, name = 'Dockerfile.api'): string[] {
  return checkDockerfiles(context, [name])
    .filter((result: CheckResult) => !result.ok)
    .map((result) => result.check);
}

const replaceLast = (text: string, pattern: RegExp, replacement: (line: string) => string) => {
  const lines = text.split('\n');
  const index = lines.findLastIndex((line) => pattern.test(line));
  expect(index, `no line matches ${pattern}`).toBeGreaterThanOrEqual(0);
  lines[index] = replacement(lines[index]!);
  return lines.join('\n');
};

describe('check-dockerfiles on the real files', () => {
  it('when run on the repository, then it prints one ok line per check and exits 0', () => {
    const result = spawnSync('npx', ['--no-install', 'tsx', 'scripts/check-dockerfiles.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr.split('\n').filter((line) => line.startsWith('FAIL'))).toEqual([]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.at(-1)).toMatch(/^check-dockerfiles: OK \(\d+ checks\)$/);
    for (const file of ['Dockerfile.api', 'Dockerfile.worker'])
      expect(lines.filter((line) => line.startsWith(`ok   ${file}: `)).length).toBeGreaterThan(10);
  });
});

describe('check-dockerfiles on broken copies', () => {
  it('when the CMD is in shell form, then the exec-form check fails and the CLI exits 1', () => {
    const ctx = context((text) =>
      replaceLast(
        text,
        /^CMD /,
        (line) => `CMD ${(JSON.parse(line.slice(4)) as string[]).join(' ')}`,
      ),
    );
    expect(failedChecks(ctx)).toEqual(['exec-form CMD (JSON array)']);
    const cli = spawnSync(
      'npx',
      ['--no-install', 'tsx', 'scripts/check-dockerfiles.ts', '--root', ctx, 'Dockerfile.api'],
      { cwd: root, encoding: 'utf8', timeout: 60_000 },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/^FAIL Dockerfile\.api: exec-form CMD/m);
    expect(cli.stderr).toMatch(/check-dockerfiles: 1 of \d+ checks failed/);
  });

  it('when the runtime stage runs as root, then the non-root USER check fails', () => {
    expect(failedChecks(context((text) => text.replace(/^USER node$/m, 'USER root')))).toEqual([
      'non-root USER in the runtime stage',
    ]);
    expect(failedChecks(context((text) => text.replace(/^USER node\n/m, '')))).toEqual([
      'non-root USER in the runtime stage',
    ]);
  });

  it('when the runtime user owns the copied app files, then the ownership check fails', () => {
    const ctx = context((text) =>
      text.replace(/^COPY --from=build /m, 'COPY --from=build --chown=node:node '),
    );
    expect(failedChecks(ctx)).toEqual(['app files not owned by the runtime user']);
  });

  it('when the base image is a floating tag, then the pinning checks fail', () => {
    const major = context((text) =>
      text.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:24-bookworm-slim'),
    );
    expect(failedChecks(major)).toEqual(['runtime stage FROM a pinned node:24.x.y image']);
    const latest = context((text) =>
      text.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:latest'),
    );
    expect(failedChecks(latest)).toEqual([
      'runtime stage FROM a pinned node:24.x.y image',
      'every FROM pinned, no latest tag',
    ]);
    const untagged = context((text) => text.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node'));
    expect(failedChecks(untagged)).toContain('every FROM pinned, no latest tag');
    const older = context((text) =>
      text.replace(/^ARG NODE_IMAGE=.*$/m, 'ARG NODE_IMAGE=node:20.19.0-bookworm-slim'),
    );
    expect(failedChecks(older)).toEqual(['runtime stage FROM a pinned node:24.x.y image']);
  });

  it('when the HEALTHCHECK is missing, then the HEALTHCHECK check fails', () => {
    const ctx = context((text) => text.replace(/^HEALTHCHECK .*\\\n.*\n/m, ''));
    expect(failedChecks(ctx)).toEqual(['HEALTHCHECK on the configured port']);
  });

  it('when .dockerignore no longer re-includes a copied directory, then the COPY check fails', () => {
    const ctx = context(
      (text) => text,
      (ignore) => ignore.replace(/^!migrations\/?\n/m, ''),
    );
    expect(failedChecks(ctx)).toEqual(['COPY sources exist and are in the build context']);
    const detail = checkDockerfiles(ctx, ['Dockerfile.api']).find((r) => !r.ok)?.detail;
    expect(detail).toMatch(/migrations is excluded by \.dockerignore/);
  });

  it('when a COPY names an excluded or missing path, then the COPY check fails', () => {
    const ctx = context((text) =>
      text.replace(/^USER node$/m, 'COPY scripts ./scripts\nCOPY no-such-dir ./x\nUSER node'),
    );
    expect(failedChecks(ctx)).toEqual(['COPY sources exist and are in the build context']);
    const detail = checkDockerfiles(ctx, ['Dockerfile.api']).find((r) => !r.ok)?.detail ?? '';
    expect(detail).toContain('scripts is excluded by .dockerignore');
    expect(detail).toContain('no-such-dir does not exist');
  });

  it('when the CMD runs a script the build does not emit, then the CMD script check fails', () => {
    const missing = context((text) =>
      replaceLast(text, /^CMD /, () => 'CMD ["node", "dist/api/no-such-entry.js"]'),
    );
    expect(failedChecks(missing)).toEqual(['CMD runs node on a script the build emits']);
    // src/dev.ts exists but tsconfig.build.json leaves it out of dist/.
    const excluded = context((text) =>
      replaceLast(text, /^CMD /, () => 'CMD ["node", "dist/dev.js"]'),
    );
    expect(failedChecks(excluded)).toEqual(['CMD runs node on a script the build emits']);
    const preload = context((text) =>
      replaceLast(
        text,
        /^CMD /,
        () => 'CMD ["node", "--import", "./dist/nope.js", "dist/api/main.js"]',
      ),
    );
    expect(failedChecks(preload)).toEqual(['CMD runs node on a script the build emits']);
  });

  it('when EXPOSE or the HEALTHCHECK port differ from the port ENV, then those checks fail', () => {
    const ctx = context((text) =>
      text.replace(/^EXPOSE 3000$/m, 'EXPOSE 8080').replace(':3000/healthz', ':8080/healthz'),
    );
    expect(failedChecks(ctx)).toEqual([
      'EXPOSE matches the port ENV',
      'HEALTHCHECK on the configured port',
    ]);
  });

  it('when dependencies come from a full npm ci or npm install, then the production-deps checks fail', () => {
    const full = context((text) => text.replace('npm ci --omit=dev', 'npm ci'));
    expect(failedChecks(full)).toEqual(['runtime node_modules from `npm ci --omit=dev`']);
    const install = context((text) => text.replace('npm ci --omit=dev', 'npm install --omit=dev'));
    expect(failedChecks(install)).toEqual([
      'runtime node_modules from `npm ci --omit=dev`',
      'npm ci, never npm install',
    ]);
  });

  it('when a stage ADDs a remote URL, NODE_ENV is not production or the build is one stage, then each check fails', () => {
    const add = context((text) =>
      text.replace(/^USER node$/m, 'ADD https://example.com/tool.tar.gz /opt/\nUSER node'),
    );
    expect(failedChecks(add)).toEqual(['no ADD of remote URLs']);
    const env = context((text) => text.replace('NODE_ENV=production', 'NODE_ENV=development'));
    expect(failedChecks(env)).toEqual(['NODE_ENV=production']);
    const single = context((text) => text.replace(/^FROM [\s\S]*?(?=^FROM \S+ AS runtime$)/m, ''));
    expect(failedChecks(single)).toContain('multi-stage build');
  });
});

describe('.dockerignore semantics', () => {
  const rules = parseDockerignore(real('.dockerignore'));

  it('when `*` is followed by `!dir/` re-includes, then files under re-included dirs are in and everything else is out', () => {
    for (const path of [
      'package.json',
      'package-lock.json',
      'src',
      'src/api/main.ts',
      'migrations/001_users_and_refresh_tokens.sql',
    ])
      expect(isIgnored(path, rules), path).toBe(false);
    for (const path of [
      'node_modules',
      'node_modules/fastify/package.json',
      'dist/api/main.js',
      'test/ops/entry.test.ts',
      '.git/HEAD',
      '.env',
      'Dockerfile.api',
    ])
      expect(isIgnored(path, rules), path).toBe(true);
  });

  it('when patterns use globs and later exclusions, then the last matching rule wins', () => {
    const custom = parseDockerignore('**/*.md\n!README.md\nsrc/**/*.test.ts\n# comment\n');
    expect(isIgnored('docs/a.md', custom)).toBe(true);
    expect(isIgnored('README.md', custom)).toBe(false);
    expect(isIgnored('src/a/b.test.ts', custom)).toBe(true);
    expect(isIgnored('src/a/b.ts', custom)).toBe(false);
  });
});
