import { readFileSync } from 'node:fs';
import { repoRoot } from './lib/settings.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a repo-relative path, a package, or a Node/V8 built-in. */
function place(url: string): string {
  if (url === '') return '(native)';
  const path = url.replace(/^file:\/\//, '').replace(repoRoot, '');
  return path.replace(/^.*node_modules\//, 'node_modules/');
}

function owner(url: string): string {
  const path = place(url);
  const dependency = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (dependency?.[1]) return dependency[1];
  if (path.startsWith('node:')) return 'node:internal';
  if (path.startsWith('dist/') || path.startsWith('src/'))
    return path.split('/').slice(0, 2).join('/');
  return path;
}

/** Self time per function and per package/module, from a V8 .cpuprofile. */
export function summarise(profile: CpuProfile, top = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const name = `${frame.functionName || '(anonymous)'}  ${place(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    owners.set(owner(frame.url), (owners.get(owner(frame.url)) ?? 0) + us);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (us / totalUs) * 100 }));
  return { totalMs: totalUs / 1000, functions: ranked(functions), owners: ranked(owners) };
}

export function printSummary(file: string, say: (line: string) => void = console.log): void {
  const summary = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const line = (row: { name: string; ms: number; percent: number }) =>
    `${row.percent.toFixed(1).padStart(5)}%  ${row.ms.toFixed(0).padStart(7)} ms  ${row.name}`;
  say(`${file}: ${summary.totalMs.toFixed(0)} ms sampled`);
  say('\ntop functions by self time');
  summary.functions.forEach((row) => say(line(row)));
  say('\nself time by package / module');
  summary.owners.forEach((row) => say(line(row)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx bench/profile-summary.ts profiles/<file>.cpuprofile');
    process.exit(2);
  }
  printSummary(file);
}
