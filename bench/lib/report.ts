import { mkdirSync, writeFileSync } from 'node:fs';
import type { LoadResult } from './wrk.js';
import { resultsDir } from './settings.js';

export interface ScenarioResult extends LoadResult {
  scenario: string;
  concurrency: number;
  /** Percent of one core over the run. */
  cpu: Record<string, number>;
  apiRssMb?: number;
  /** This scenario's rate over its ceiling's, e.g. POST orders vs the best pgbench TPS. */
  vsLimit?: { limit: string; ratio: number };
  /** What the pipeline had in flight each second: peak, value at the end, whether it held flat. */
  backlog?: { max: number; end: number; flat: boolean; samples: number[] };
}

const fixed = (value: number | undefined, digits = 0) =>
  value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);

export function printTable(results: readonly ScenarioResult[]): void {
  const header = [
    'scenario',
    'conc',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'api %',
    'worker %',
    'pg %',
    'redis %',
    'vs limit',
  ];
  const rows = results.map((r) => [
    r.scenario,
    String(r.concurrency),
    fixed(r.requestsPerSecond),
    fixed(r.p50Ms, 2),
    fixed(r.p99Ms, 2),
    String(r.errors),
    fixed(r.cpu.api ?? r.cpu.bare),
    fixed(r.cpu.worker),
    fixed(r.cpu.postgres),
    fixed(r.cpu.redis),
    r.vsLimit ? `${(r.vsLimit.ratio * 100).toFixed(0)}% of ${r.vsLimit.limit}` : '',
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  const leftAligned = new Set([0, header.length - 1]);
  const format = (cells: string[]) =>
    cells
      .map((cell, i) =>
        leftAligned.has(i) ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(format(row));
}

/** Writes bench/results/<prefix><timestamp>.json (git-ignored) and returns its path. */
export function writeResults(report: object, prefix = ''): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = `${resultsDir}/${prefix}${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
