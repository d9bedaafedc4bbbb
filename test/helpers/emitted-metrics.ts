import type { DatabasePool } from 'slonik';
import type { Registry } from 'prom-client';
import { createApiMetrics, createWorkerMetrics } from '../../src/metrics.js';

export interface EmittedMetric {
  name: string;
  type: string;
  labels: Set<string>;
  services: Set<string>;
}

/** Labels every series carries: the registry default plus what Prometheus adds on scrape. */
export const COMMON_LABELS = ['service', 'job', 'instance'];

/** Every metric both processes can emit, read from the same code that registers them. */
export async function emittedMetrics(): Promise<Map<string, EmittedMetric>> {
  // The pool is only used by the db_pool_connections collect callback.
  const db = {
    state: () => ({ acquiredConnections: 0, idleConnections: 0, waitingClients: 0 }),
  } as unknown as DatabasePool;
  const metrics = new Map<string, EmittedMetric>();
  const registries: [string, Registry][] = [
    ['orders-api', createApiMetrics(db).registry],
    ['orders-worker', createWorkerMetrics(db).registry],
  ];
  for (const [service, registry] of registries) {
    for (const { name, type } of await registry.getMetricsAsJSON()) {
      const declared = registry.getSingleMetric(name) as unknown as { labelNames?: string[] };
      const entry = metrics.get(name) ?? {
        name,
        type: String(type),
        labels: new Set<string>(COMMON_LABELS),
        services: new Set<string>(),
      };
      for (const label of declared.labelNames ?? []) entry.labels.add(label);
      entry.services.add(service);
      metrics.set(name, entry);
    }
  }
  return metrics;
}

/** Series names Prometheus stores for a metric: histograms and summaries get suffixes. */
export function seriesNames(metric: EmittedMetric): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  if (metric.type === 'histogram') {
    series.set(`${metric.name}_bucket`, new Set([...metric.labels, 'le']));
    series.set(`${metric.name}_sum`, metric.labels);
    series.set(`${metric.name}_count`, metric.labels);
  } else if (metric.type === 'summary') {
    series.set(metric.name, new Set([...metric.labels, 'quantile']));
    series.set(`${metric.name}_sum`, metric.labels);
    series.set(`${metric.name}_count`, metric.labels);
  } else {
    series.set(metric.name, metric.labels);
  }
  return series;
}
