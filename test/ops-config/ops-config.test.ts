/**
 * What neither promtool nor a running stack says: dashboards and alert rules query only metrics
 * and labels the code emits (a typo is silently "No data"), every dashboard names a provisioned
 * datasource, and the compose app services set only variables src/config.ts reads, with values
 * it accepts. promtool checks and tests the rules; scripts/containers runs the stack.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configVariables, loadConfig } from '../../src/config.js';
import { dashboardQueries } from '../helpers/dashboards.js';
import { emittedMetrics, seriesNames } from '../helpers/emitted-metrics.js';
import { analyseExpr } from '../helpers/promql.js';

const root = resolve(import.meta.dirname, '../..');
const readYaml = (path: string) =>
  parse(readFileSync(resolve(root, path), 'utf8'), { merge: true }) as Record<string, unknown>;

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
}
const rules = (
  readYaml('observability/prometheus/alerts.yml') as { groups: { rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);

/** Series name → labels it carries: the app's, Prometheus' `up`, and recorded series. */
async function knownSeries(): Promise<Map<string, Set<string>>> {
  const series = new Map<string, Set<string>>([['up', new Set(['job', 'instance'])]]);
  for (const metric of (await emittedMetrics()).values()) {
    for (const [name, labels] of seriesNames(metric)) series.set(name, labels);
  }
  for (const rule of rules) if (rule.record) series.set(rule.record, new Set(['job', 'instance']));
  return series;
}

describe('dashboard and alert queries', () => {
  it('when read with the PromQL grammar, then each parses and uses only emitted metrics and labels', async () => {
    const series = await knownSeries();
    const queries = [
      ...dashboardQueries().map(({ where, expr }) => ({ where, expr })),
      ...rules.map((rule) => ({
        where: `alerts.yml ${rule.alert ?? rule.record}`,
        expr: rule.expr,
      })),
    ];
    expect(queries.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const { where, expr } of queries) {
      const usage = analyseExpr(expr);
      if (usage.errors.length > 0) problems.push(`${where}: syntax error at ${usage.errors[0]}`);
      const labelsInExpr = new Set(['le', 'quantile']);
      for (const { metric, labels } of usage.selectors) {
        const known = series.get(metric);
        if (!known) {
          problems.push(`${where}: ${metric} is not a metric the service emits`);
          continue;
        }
        for (const label of known) labelsInExpr.add(label);
        for (const label of labels) {
          if (!known.has(label)) problems.push(`${where}: ${metric} has no label ${label}`);
        }
      }
      for (const label of usage.groupingLabels) {
        if (!labelsInExpr.has(label)) problems.push(`${where}: groups by unknown label ${label}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('when dashboards are provisioned, then each query names a provisioned Prometheus datasource', () => {
    const { datasources } = readYaml(
      'observability/grafana/provisioning/datasources/datasources.yml',
    ) as { datasources: { uid: string; type: string }[] };
    const prometheus = datasources.filter((source) => source.type === 'prometheus');
    for (const { where, datasource } of dashboardQueries()) {
      expect(prometheus, where).toContainEqual(expect.objectContaining(datasource as object));
    }
  });
});

describe('docker-compose.yml', () => {
  it('when the app services start, then they set only variables src/config.ts reads, with values it accepts', () => {
    const { services } = readYaml('docker-compose.yml') as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    for (const name of ['migrate', 'api', 'worker']) {
      const environment = services[name]?.environment ?? {};
      const foreign = Object.keys(environment).filter(
        // The OpenTelemetry SDK reads its own variables.
        (variable) => !configVariables.includes(variable) && !variable.startsWith('OTEL_'),
      );
      expect(foreign, `${name} sets variables src/config.ts does not read`).toEqual([]);
      // As the images run it: Dockerfile ENV NODE_ENV=production, then the compose environment.
      expect(() => loadConfig({ NODE_ENV: 'production', ...environment }), name).not.toThrow();
    }
  });
});
