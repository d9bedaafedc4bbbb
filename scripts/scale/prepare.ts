import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './settings.js';

/** Builds once; skipped when dist/ is newer than every source file (CI has just built it). */
export function buildIfStale(): void {
  const built = statSync(join(repoRoot, 'dist/api/main.js'), { throwIfNoEntry: false });
  const sources = readdirSync(join(repoRoot, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs);
  if (built && Math.max(...sources) < built.mtimeMs) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
}

/** Tools that come from Debian (HAProxy, PgBouncer, …); CI (root) installs what is missing. */
export function ensureTools(tools: string[]): void {
  const missing = tools.filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`needs ${missing.join(' and ')}: apt-get install ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'inherit' });
  const install = ['install', '-y', '-qq', '--no-install-recommends', ...missing];
  execFileSync('apt-get', install, { env, stdio: 'inherit' });
}
