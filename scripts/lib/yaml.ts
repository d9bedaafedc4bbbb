import { readFile } from 'node:fs/promises';
import { run } from './run.js';

// No YAML parser is a direct npm dependency; python3-yaml (a dependency of Debian's
// docker-compose) is on every machine that runs these checks. One python process parses
// a whole batch: its start-up is the slow part.
const toJson =
  'import sys, json, yaml; json.dump([yaml.safe_load(t) for t in json.load(sys.stdin)], sys.stdout)';

/** Parses YAML documents into plain JSON values. */
export async function parseYaml(...texts: string[]): Promise<unknown[]> {
  return JSON.parse(await run('python3', ['-c', toJson], JSON.stringify(texts))) as unknown[];
}

export async function readYaml(...paths: string[]): Promise<unknown[]> {
  return parseYaml(...(await Promise.all(paths.map((path) => readFile(path, 'utf8')))));
}

/** Narrowing helpers for untyped YAML/JSON. */
export type Obj = Record<string, unknown>;
export const isObj = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const asObj = (value: unknown): Obj => (isObj(value) ? value : {});
export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
export const asStrings = (value: unknown): string[] =>
  asArray(value).filter((item): item is string => typeof item === 'string');
