import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Default paths are relative to the repository, wherever the check runs from. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Failures and notes of one check. */
export class Report {
  readonly failures: string[] = [];
  readonly notes: string[] = [];
  summary = '';

  constructor(readonly name: string) {}

  fail(message: string): void {
    this.failures.push(message);
  }

  note(message: string): void {
    this.notes.push(message);
  }

  /** Records a failure unless `condition` holds. */
  expect(condition: boolean, message: string): void {
    if (!condition) this.fail(message);
  }

  get ok(): boolean {
    return this.failures.length === 0;
  }

  /** Everything the check found, as the CLI prints it. */
  toString(): string {
    const lines = [
      ...this.notes.map((note) => `  note: ${note}`),
      ...this.failures.map((failure) => `  FAIL: ${failure}`),
      this.ok
        ? `${this.name}: OK (${this.summary})`
        : `${this.name}: ${this.failures.length} problem(s)`,
    ];
    return lines.join('\n');
  }
}

/** `--name value` command-line options over defaults. */
export function parseOptions<T extends Record<string, string>>(defaults: T, args: string[]): T {
  const result: Record<string, string> = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]?.replace(/^--/, '');
    const value = args[i + 1];
    if (key === undefined || !(key in defaults) || value === undefined) {
      const usage = Object.keys(defaults).map((k) => `[--${k} <value>]`);
      throw new Error(`usage: ${usage.join(' ')}`);
    }
    result[key] = value;
  }
  return result as T;
}

/** Runs a check when its module is the entry script (tests import the check instead). */
export function runIfMain(moduleUrl: string, check: (args: string[]) => Promise<Report>): void {
  const entry = process.argv[1];
  if (entry === undefined || realpathSync(entry) !== realpathSync(fileURLToPath(moduleUrl))) return;
  check(process.argv.slice(2)).then(
    (report) => {
      (report.ok ? console.log : console.error)(report.toString());
      process.exit(report.ok ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
