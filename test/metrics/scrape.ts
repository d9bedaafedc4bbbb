import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses Prometheus text exposition into samples (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = sampleLine.exec(line);
      if (!match) throw new Error(`not a sample line: ${line}`);
      const [, name, labelText = '', value] = match as unknown as [string, string, string, string];
      const labels = Object.fromEntries(
        [...labelText.matchAll(labelPair)].map(([, key, val]) => [key, val]),
      );
      return { name, labels, value: Number(value) };
    });
}

/** GETs /metrics from an app (the API or the worker's ops app) and parses it. */
export async function scrape(app: Pick<FastifyInstance, 'inject'>): Promise<Sample[]> {
  const response = await app.inject({ method: 'GET', url: '/metrics' });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseMetrics(response.body);
}

/** Sum of the series of `name` whose labels include `labels` (0 when there are none). */
export function valueOf(
  samples: Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([key, val]) => sample.labels[key] === val),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** Every value the label takes across the series of `name`. */
export function labelValues(samples: Sample[], name: string, label: string): Set<string> {
  return new Set(
    samples
      .filter((sample) => sample.name === name && sample.labels[label] !== undefined)
      .map((sample) => sample.labels[label] as string),
  );
}
