/**
 * A hadolint-style static check of the Dockerfiles (hadolint is not installable here, and no
 * Docker engine can build them): multi-stage with a pinned Node 24 runtime, production-only
 * dependencies, a non-root user, NODE_ENV=production, an exec-form CMD whose script the build
 * emits, a HEALTHCHECK and EXPOSE on the configured port, and COPY sources that exist and that
 * .dockerignore lets into the build context. Prints one line per check; exits 1 on any failure.
 *
 *   npx tsx scripts/check-dockerfiles.ts [--root DIR] [Dockerfile ...]
 *
 * test/containers/ runs the exact CMD / HEALTHCHECK parsed here against the built dist/.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, normalize, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DEFAULT_FILES = ['Dockerfile.api', 'Dockerfile.worker'];

// ---------------------------------------------------------------- parsing

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
  line: number;
}

export interface Stage {
  /** Image reference with global ARG defaults substituted. */
  image: string;
  /** As written (before substitution). */
  rawImage: string;
  name?: string;
  index: number;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  stages: Stage[];
  instructions: Instruction[];
}

/** Splits a Dockerfile into instructions: comments dropped, `\` continuations joined. */
export function parseInstructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    // Comment lines inside a continuation are skipped by Docker too.
    if (/^\s*#/.test(line) || (pending === '' && line.trim() === '')) return;
    if (pending === '') startLine = i + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    pending += line;
    const match = /^\s*(\w+)\s*(.*)$/s.exec(pending);
    if (match) {
      result.push({
        keyword: (match[1] ?? '').toUpperCase(),
        args: (match[2] ?? '').trim(),
        line: startLine,
      });
    }
    pending = '';
  });
  return result;
}

function substitute(value: string, vars: Record<string, string | undefined>): string {
  return value.replace(
    /\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g,
    (_, braced?: string, fallback?: string, bare?: string) =>
      vars[braced ?? bare ?? ''] ?? fallback ?? '',
  );
}

export function parseDockerfile(text: string): Dockerfile {
  const instructions = parseInstructions(text);
  const globalArgs: Record<string, string | undefined> = {};
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const parts = instruction.args.split(/\s+/).filter((part) => !part.startsWith('--'));
      const rawImage = parts[0] ?? '';
      const name = parts[1]?.toUpperCase() === 'AS' ? parts[2] : undefined;
      stages.push({
        image: substitute(rawImage, globalArgs),
        rawImage,
        ...(name ? { name } : {}),
        index: stages.length,
        instructions: [],
      });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [key = '', ...value] = instruction.args.split('=');
        globalArgs[key.trim()] = value.length > 0 ? unquote(value.join('=')) : undefined;
      }
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages, instructions };
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(["']).*\1$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** ENV of one stage (both `ENV K=V K2="V 2"` and the legacy `ENV K V`). */
export function stageEnv(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    if (!/^\w+=/.test(args)) {
      const [key = '', ...rest] = args.split(/\s+/);
      env[key] = unquote(rest.join(' '));
      continue;
    }
    for (const [, key = '', value = ''] of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g))
      env[key] = substitute(unquote(value), env);
  }
  return env;
}

/** The JSON array of an exec-form instruction, or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

export interface Healthcheck {
  options: Record<string, string>;
  /** Exec form argv; undefined for shell form or NONE. */
  exec?: string[];
  raw: string;
}

export function parseHealthcheck(args: string): Healthcheck {
  const options: Record<string, string> = {};
  let rest = args;
  for (;;) {
    const match = /^--([\w-]+)=(\S+)\s*/.exec(rest);
    if (!match) break;
    options[match[1] ?? ''] = match[2] ?? '';
    rest = rest.slice(match[0].length);
  }
  const command = /^CMD\s+(.*)$/is.exec(rest)?.[1]?.trim();
  const exec = command === undefined ? undefined : execForm(command);
  return { options, raw: rest, ...(exec ? { exec } : {}) };
}

/** Duration of a HEALTHCHECK option (`10s`, `500ms`, `1m30s`) in milliseconds. */
export function durationMs(value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
  let total = 0;
  for (const [, amount = '0', unit = 's'] of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(amount) * (units[unit] ?? 0);
  return total;
}

export interface CopyInstruction {
  flags: Record<string, string>;
  sources: string[];
  dest: string;
  line: number;
}

export function parseCopy(instruction: Instruction): CopyInstruction {
  const flags: Record<string, string> = {};
  let rest = instruction.args;
  for (;;) {
    const match = /^--([\w-]+)(?:=(\S+))?\s+/.exec(rest);
    if (!match) break;
    flags[match[1] ?? ''] = match[2] ?? 'true';
    rest = rest.slice(match[0].length);
  }
  const paths = execForm(rest) ?? rest.split(/\s+/);
  return {
    flags,
    sources: paths.slice(0, -1),
    dest: paths.at(-1) ?? '',
    line: instruction.line,
  };
}

export interface RuntimeImage {
  file: Dockerfile;
  stage: Stage;
  env: Record<string, string>;
  workdir: string;
  user?: string;
  expose: number[];
  healthcheck?: Healthcheck;
  /** Exec-form CMD; undefined if the CMD is missing or in shell form. */
  cmd?: string[];
  cmdRaw?: string;
  copies: CopyInstruction[];
}

/** What a container of the final stage starts with. */
export function runtimeImage(text: string): RuntimeImage {
  const file = parseDockerfile(text);
  const stage = file.stages.at(-1);
  if (!stage) throw new Error('no FROM instruction');
  const last = (keyword: string) =>
    stage.instructions.filter((instruction) => instruction.keyword === keyword).at(-1);
  let workdir = '/';
  for (const { keyword, args } of stage.instructions)
    if (keyword === 'WORKDIR') workdir = posix.resolve(workdir, args);
  const healthcheck = last('HEALTHCHECK');
  const cmd = last('CMD');
  const user = last('USER')?.args;
  const exec = cmd ? execForm(cmd.args) : undefined;
  return {
    file,
    stage,
    env: stageEnv(stage),
    workdir,
    ...(user !== undefined ? { user } : {}),
    expose: stage.instructions
      .filter((instruction) => instruction.keyword === 'EXPOSE')
      .flatMap(({ args }) => args.split(/\s+/).map((port) => Number(port.split('/')[0]))),
    ...(healthcheck ? { healthcheck: parseHealthcheck(healthcheck.args) } : {}),
    ...(exec ? { cmd: exec } : {}),
    ...(cmd ? { cmdRaw: cmd.args } : {}),
    copies: stage.instructions
      .filter((instruction) => instruction.keyword === 'COPY')
      .map(parseCopy),
  };
}

// ---------------------------------------------------------------- .dockerignore

export interface IgnoreRule {
  negate: boolean;
  regex: RegExp;
  pattern: string;
}

/** Go filepath.Match-style glob (as moby's patternmatcher): `*` within a segment, `**` across. */
function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          source += '(?:.*/)?';
        } else source += '.*';
      } else source += '[^/]*';
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = pattern.indexOf(']', i);
      if (end === -1) source += '\\[';
      else {
        source += pattern.slice(i, end + 1).replace(/^\[!/, '[^');
        i = end;
      }
    } else if (char === '\\' && i + 1 < pattern.length) source += `\\${pattern[++i]}`;
    else source += char.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export function parseDockerignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    // Docker cleans each pattern (filepath.Clean): `src/` and `./src` both mean `src`.
    const pattern = posix.normalize(negate ? line.slice(1).trim() : line).replace(/^\/|\/$/g, '');
    rules.push({ negate, pattern, regex: globToRegex(pattern) });
  }
  return rules;
}

/** Whether a context-relative path is left out of the build context (the last matching rule wins). */
export function isIgnored(path: string, rules: IgnoreRule[]): boolean {
  const clean = posix.normalize(path).replace(/^\.\/|\/$/g, '');
  if (clean === '.' || clean === '') return false;
  const parts = clean.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    // A rule matching a parent directory also matches everything under it.
    if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.negate;
  }
  return ignored;
}

// ---------------------------------------------------------------- checks

export interface CheckResult {
  file: string;
  check: string;
  ok: boolean;
  detail: string;
}

const PINNED_NODE_24 = /^node:24\.\d+\.\d+(-[\w.-]+)?(@sha256:[0-9a-f]{64})?$/;
const PINNED = /(:[\w][\w.-]*\d[\w.-]*|@sha256:[0-9a-f]{64})$/;
const PORT_VARIABLE = /(^|_)PORT$/;

/** `dist/X.js` → `src/X.ts` (tsconfig.build.json: rootDir src, outDir dist). */
export function sourceOf(script: string): string | undefined {
  const match = /^(?:\.\/)?dist\/(.+)\.js$/.exec(posix.normalize(script));
  return match ? `src/${match[1]}.ts` : undefined;
}

/** Script paths node is told to load: the entry and any --import / --require preloads. */
export function nodeScripts(argv: string[]): string[] {
  const scripts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (['--import', '--require', '-r', '--loader'].includes(arg)) {
      scripts.push(argv[++i] ?? '');
    } else if (/^--(import|require|loader)=/.test(arg)) {
      scripts.push(arg.slice(arg.indexOf('=') + 1));
    } else if (arg === '-e' || arg === '--eval' || arg === '-p') {
      return scripts; // inline code, no script
    } else if (!arg.startsWith('-')) {
      scripts.push(arg);
      return scripts; // the rest are the script's own arguments
    }
  }
  return scripts;
}

/** The files tsconfig.build.json leaves out of the build (e.g. src/dev.ts). */
function buildExcludes(root: string): string[] {
  const path = join(root, 'tsconfig.build.json');
  if (!existsSync(path)) return [];
  const config = JSON.parse(readFileSync(path, 'utf8')) as { exclude?: string[] };
  return (config.exclude ?? []).map((entry) => posix.normalize(entry));
}

export function checkDockerfile(root: string, name: string): CheckResult[] {
  const results: CheckResult[] = [];
  const check = (what: string, ok: boolean, detail: string) =>
    results.push({ file: name, check: what, ok, detail });

  const path = join(root, name);
  if (!existsSync(path)) {
    check('exists', false, `${path} not found`);
    return results;
  }
  let image: RuntimeImage;
  try {
    image = runtimeImage(readFileSync(path, 'utf8'));
  } catch (error) {
    check('parses', false, (error as Error).message);
    return results;
  }
  const { file, stage, env } = image;
  const ignorePath = join(root, '.dockerignore');
  const ignore = existsSync(ignorePath) ? parseDockerignore(readFileSync(ignorePath, 'utf8')) : [];
  const stageByName = new Map(file.stages.flatMap((s) => (s.name ? [[s.name, s] as const] : [])));

  // --- Base images
  check(
    'multi-stage build',
    file.stages.length >= 2,
    `${file.stages.length} stage(s): ${file.stages.map((s) => s.name ?? s.index).join(', ')}`,
  );
  check(
    'runtime stage FROM a pinned node:24.x.y image',
    PINNED_NODE_24.test(stage.image),
    `final stage FROM ${stage.rawImage} → ${stage.image || '(empty)'}`,
  );
  const unpinned = file.stages.filter(
    (s) => !stageByName.has(s.image) && s.image !== 'scratch' && !PINNED.test(s.image),
  );
  const latest = [
    ...file.stages.map((s) => s.image),
    ...Object.values(file.globalArgs).filter((value): value is string => value !== undefined),
  ].filter((ref) => /:latest(@|$)/.test(ref));
  check(
    'every FROM pinned, no latest tag',
    unpinned.length === 0 && latest.length === 0,
    unpinned.length + latest.length === 0
      ? file.stages.map((s) => s.image).join(', ')
      : `unpinned: ${[...unpinned.map((s) => s.image || s.rawImage), ...latest].join(', ')}`,
  );

  // --- Production dependencies only
  const runs = (s: Stage) => s.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
  const depsStage = file.stages.find((s) =>
    runs(s).some((run) => /\bnpm ci\b.*--omit=dev/.test(run)),
  );
  const nodeModulesCopy = image.copies.find((copy) =>
    copy.sources.some((source) => /(^|\/)node_modules\/?$/.test(source)),
  );
  const nodeModulesFrom = nodeModulesCopy?.flags.from;
  check(
    'runtime node_modules from `npm ci --omit=dev`',
    depsStage !== undefined &&
      depsStage !== stage &&
      nodeModulesFrom !== undefined &&
      (nodeModulesFrom === depsStage.name || nodeModulesFrom === String(depsStage.index)),
    depsStage
      ? `stage ${depsStage.name ?? depsStage.index} runs npm ci --omit=dev; runtime copies node_modules from ${nodeModulesFrom ?? '(nowhere)'}`
      : 'no stage runs npm ci --omit=dev',
  );
  const installs = file.stages.flatMap(runs).filter((run) => /\bnpm (install|i)\b/.test(run));
  check(
    'npm ci, never npm install',
    installs.length === 0,
    installs.length === 0 ? 'lockfile installs only' : installs.join(' | '),
  );

  // --- Runtime stage
  const user = image.user?.trim();
  check(
    'non-root USER in the runtime stage',
    user !== undefined && !/^(root|0)(:.*)?$/.test(user),
    `USER ${user ?? '(not set: root)'}`,
  );
  // The runtime user reads the app but must not be able to rewrite it (code, node_modules).
  const runtimeUser = user?.split(':')[0];
  const owned = image.copies.filter(
    (copy) => runtimeUser !== undefined && copy.flags.chown?.split(':')[0] === runtimeUser,
  );
  check(
    'app files not owned by the runtime user',
    owned.length === 0,
    owned.length === 0
      ? 'COPY without --chown to the runtime user'
      : owned.map((copy) => `line ${copy.line}: --chown=${copy.flags.chown}`).join('; '),
  );
  check(
    'NODE_ENV=production',
    env.NODE_ENV === 'production',
    `ENV NODE_ENV=${env.NODE_ENV ?? '(unset)'}`,
  );
  check(
    'absolute WORKDIR',
    stage.instructions.some((i) => i.keyword === 'WORKDIR') && isAbsolute(image.workdir),
    `WORKDIR ${image.workdir}`,
  );

  const cmd = image.cmd;
  check(
    'exec-form CMD (JSON array)',
    cmd !== undefined && cmd.length > 0,
    cmd ? JSON.stringify(cmd) : `CMD ${image.cmdRaw ?? '(missing)'} is not a JSON array`,
  );
  if (cmd) {
    const scripts = cmd[0] === 'node' ? nodeScripts(cmd) : [];
    const excludes = buildExcludes(root);
    const problems = scripts.flatMap((script) => {
      const source = sourceOf(script);
      if (!source) return [`${script} is not under dist/`];
      if (!existsSync(join(root, source))) return [`${script}: ${source} does not exist`];
      if (excludes.includes(source)) return [`${script}: tsconfig.build.json excludes ${source}`];
      return [];
    });
    const distCopied = image.copies.some((copy) =>
      copy.sources.some((source) => /(^|\/)dist\/?$/.test(source)),
    );
    check(
      'CMD runs node on a script the build emits',
      cmd[0] === 'node' && scripts.length > 0 && problems.length === 0 && distCopied,
      cmd[0] !== 'node'
        ? `argv[0] is ${cmd[0]}, expected node`
        : problems.length > 0
          ? problems.join('; ')
          : !distCopied
            ? 'the runtime stage does not COPY dist/'
            : scripts.map((script) => `${script} ← ${sourceOf(script)}`).join(', '),
    );
  }

  // --- Ports and health
  const ports = Object.entries(env)
    .filter(([key]) => PORT_VARIABLE.test(key))
    .map(([key, value]) => [key, Number(value)] as const);
  const exposed = [...image.expose].sort();
  const expected = ports.map(([, port]) => port).sort();
  check(
    'EXPOSE matches the port ENV',
    ports.length > 0 && JSON.stringify(exposed) === JSON.stringify(expected),
    `EXPOSE ${exposed.join(' ') || '(none)'}; ENV ${ports.map(([k, v]) => `${k}=${v}`).join(' ') || '(no *PORT)'}`,
  );
  const health = image.healthcheck;
  const healthText = health?.exec?.join(' ') ?? health?.raw ?? '';
  const healthPort = /https?:\/\/[^/:]+:(\d+)/.exec(healthText)?.[1];
  check(
    'HEALTHCHECK on the configured port',
    health !== undefined &&
      !/^NONE\b/i.test(health.raw) &&
      healthPort !== undefined &&
      expected.includes(Number(healthPort)),
    health === undefined
      ? 'no HEALTHCHECK in the runtime stage'
      : `probes port ${healthPort ?? '(none found)'}${health.exec ? ' (exec form)' : ' (shell form)'}`,
  );

  // --- Sources
  const remoteAdds = file.instructions.filter(
    (i) => i.keyword === 'ADD' && /\b(https?|ftp):\/\/|git@/.test(i.args),
  );
  check(
    'no ADD of remote URLs',
    remoteAdds.length === 0,
    remoteAdds.length === 0
      ? 'none'
      : remoteAdds.map((i) => `line ${i.line}: ADD ${i.args}`).join('; '),
  );

  const copyProblems: string[] = [];
  let contextCopies = 0;
  for (const s of file.stages) {
    for (const instruction of s.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      const copy = parseCopy(instruction);
      if (copy.flags.from !== undefined) {
        const from = copy.flags.from;
        const earlier = file.stages
          .slice(0, s.index)
          .some((e) => e.name === from || String(e.index) === from);
        if (!earlier && !PINNED.test(from))
          copyProblems.push(
            `line ${copy.line}: --from=${from} is neither an earlier stage nor a pinned image`,
          );
        continue;
      }
      for (const source of copy.sources) {
        if (/^(https?|ftp):\/\//.test(source)) continue; // reported above
        contextCopies++;
        const relative = normalize(source).replace(/\/$/, '');
        if (relative.startsWith('..') || isAbsolute(relative)) {
          copyProblems.push(`line ${copy.line}: ${source} is outside the build context`);
        } else if (/[*?[]/.test(relative)) {
          continue; // a glob: Docker fails the build itself when nothing matches
        } else if (!existsSync(join(root, relative))) {
          copyProblems.push(`line ${copy.line}: ${source} does not exist`);
        } else if (isIgnored(relative, ignore)) {
          copyProblems.push(`line ${copy.line}: ${source} is excluded by .dockerignore`);
        }
      }
    }
  }
  check(
    'COPY sources exist and are in the build context',
    copyProblems.length === 0,
    copyProblems.length === 0
      ? `${contextCopies} context source(s) checked`
      : copyProblems.join('; '),
  );
  return results;
}

export function checkDockerfiles(root = repoRoot, files = DEFAULT_FILES): CheckResult[] {
  return files.flatMap((file) => checkDockerfile(root, file));
}

export function formatResults(results: CheckResult[]): string {
  const failed = results.filter((result) => !result.ok).length;
  return [
    ...results.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.file}: ${r.check} — ${r.detail}`),
    failed === 0
      ? `check-dockerfiles: OK (${results.length} checks)`
      : `check-dockerfiles: ${failed} of ${results.length} checks failed`,
  ].join('\n');
}

function main(args: string[]): number {
  let root = repoRoot;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root') root = resolve(args[++i] ?? '.');
    else files.push(args[i] ?? '');
  }
  const results = checkDockerfiles(root, files.length > 0 ? files : DEFAULT_FILES);
  const ok = results.every((result) => result.ok);
  (ok ? console.log : console.error)(formatResults(results));
  return ok ? 0 : 1;
}

const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url))) {
  process.exitCode = main(process.argv.slice(2));
}
