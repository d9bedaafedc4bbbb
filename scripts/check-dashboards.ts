/**
 * Checks that every PromQL expression in the Grafana dashboards and the Prometheus alert rules
 * only uses metrics (and matcher/grouping labels) that src/metrics.ts really emits, and that the
 * dashboards are well-formed and only reference provisioned datasources.
 *
 *   npx tsx scripts/check-dashboards.ts [--dashboards DIR] [--alerts FILE] [--datasources FILE]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emittedMetrics, seriesNames } from './lib/emitted-metrics.js';
import { analyseExpr } from './lib/promql.js';
import { parseOptions, repoRoot, Report, runIfMain } from './lib/report.js';
import { asArray, asObj, isObj, readYaml } from './lib/yaml.js';

const defaults = {
  dashboards: join(repoRoot, 'observability/grafana/dashboards'),
  alerts: join(repoRoot, 'observability/prometheus/alerts.yml'),
  datasources: join(repoRoot, 'observability/grafana/provisioning/datasources/datasources.yml'),
};

/** Series Prometheus makes itself: these are not emitted by the code. */
const BUILT_IN: Record<string, string[]> = { up: ['job', 'instance'] };
// Grafana's own pseudo-datasources.
const BUILT_IN_DATASOURCES = new Set([
  '-- Grafana --',
  '-- Mixed --',
  '-- Dashboard --',
  'grafana',
]);

export async function checkDashboards(args: string[] = []): Promise<Report> {
  const opts = parseOptions(defaults, args);
  const report = new Report('check-dashboards');
  const known = new Map<string, Set<string>>(
    Object.entries(BUILT_IN).map(([k, v]) => [k, new Set(v)]),
  );
  const metrics = await emittedMetrics();
  for (const metric of metrics.values()) {
    for (const [series, labels] of seriesNames(metric)) known.set(series, labels);
  }

  let exprCount = 0;
  const used = new Set<string>();

  function checkExpr(where: string, expr: string): void {
    exprCount += 1;
    const { selectors, groupingLabels } = analyseExpr(expr);
    if (selectors.length === 0) report.fail(`${where}: no metric found in ${JSON.stringify(expr)}`);
    const available = new Set<string>();
    for (const { metric, labels } of selectors) {
      const series = known.get(metric);
      if (!series) {
        const histogram = metrics.get(metric)?.type === 'histogram';
        report.fail(
          histogram
            ? `${where}: ${metric} is a histogram: query ${metric}_bucket, _sum or _count`
            : `${where}: metric ${metric} is not emitted by src/metrics.ts`,
        );
        continue;
      }
      used.add(metric);
      for (const label of series) available.add(label);
      for (const label of labels) {
        if (!series.has(label) && label !== '__name__') {
          report.fail(
            `${where}: ${metric} has no label "${label}" (has: ${[...series].join(', ')})`,
          );
        }
      }
    }
    for (const label of groupingLabels) {
      if (available.size > 0 && !available.has(label)) {
        report.fail(`${where}: groups by "${label}", which none of its metrics has`);
      }
    }
  }

  // Datasources provisioned for Grafana.
  const [datasourcesYaml, alertsYaml] = await readYaml(opts.datasources, opts.alerts);
  const datasources = asArray(asObj(datasourcesYaml).datasources).map(asObj);
  const datasourceUids = new Set(datasources.map((d) => String(d.uid)));
  for (const source of datasources) {
    report.expect(
      typeof source.uid === 'string',
      `${opts.datasources}: datasource ${String(source.name)} has no uid`,
    );
    for (const destination of asArray(asObj(source.jsonData).exemplarTraceIdDestinations).map(
      asObj,
    )) {
      const uid = destination.datasourceUid;
      report.expect(
        typeof uid === 'string' && datasourceUids.has(uid),
        `${opts.datasources}: exemplar destination points to unknown datasource uid ${String(uid)}`,
      );
    }
  }

  function checkDatasource(where: string, value: unknown): void {
    if (value === undefined || value === null) return; // inherits the panel's or the default
    const uid = isObj(value) ? value.uid : value;
    if (typeof uid !== 'string' || !(datasourceUids.has(uid) || BUILT_IN_DATASOURCES.has(uid))) {
      report.fail(
        `${where}: datasource ${JSON.stringify(value)} is not provisioned (uids: ${[...datasourceUids].join(', ')})`,
      );
    }
  }

  // Dashboards.
  const dashboardUids = new Set<string>();
  const files = readdirSync(opts.dashboards).filter((file) => file.endsWith('.json'));
  report.expect(
    files.length >= 2,
    `${opts.dashboards}: expected at least two dashboards, found ${files.length}`,
  );
  for (const file of files) {
    const path = join(opts.dashboards, file);
    let dashboard: Record<string, unknown>;
    try {
      dashboard = asObj(JSON.parse(readFileSync(path, 'utf8')));
    } catch (error) {
      report.fail(`${path}: invalid JSON: ${(error as Error).message}`);
      continue;
    }
    const uid = dashboard.uid;
    report.expect(
      typeof uid === 'string' && uid.length > 0 && uid.length <= 40,
      `${path}: needs a uid of 1–40 characters`,
    );
    report.expect(
      !dashboardUids.has(String(uid)),
      `${path}: uid ${String(uid)} is used by another dashboard`,
    );
    dashboardUids.add(String(uid));
    report.expect(typeof dashboard.title === 'string', `${path}: needs a title`);
    const schemaVersion = dashboard.schemaVersion;
    report.expect(
      typeof schemaVersion === 'number' && schemaVersion >= 36 && schemaVersion <= 41,
      `${path}: schemaVersion ${String(schemaVersion)} is outside 36–41 (Grafana 9–11)`,
    );
    const panels = asArray(dashboard.panels).map(asObj);
    // Panels inside collapsed rows live in the row's own `panels`.
    const all = panels.flatMap((panel) => [panel, ...asArray(panel.panels).map(asObj)]);
    const ids = new Set<unknown>();
    for (const panel of all) {
      const where = `${file} panel ${JSON.stringify(panel.title)}`;
      report.expect(
        typeof panel.id === 'number' && !ids.has(panel.id),
        `${where}: needs a unique numeric id`,
      );
      ids.add(panel.id);
      report.expect(isObj(panel.gridPos), `${where}: needs a gridPos`);
      if (panel.type === 'row') continue;
      checkDatasource(where, panel.datasource);
      const targets = asArray(panel.targets).map(asObj);
      report.expect(targets.length > 0, `${where}: has no queries`);
      for (const target of targets) {
        checkDatasource(`${where} ${String(target.refId)}`, target.datasource);
        if (typeof target.expr !== 'string' || target.expr.trim() === '') {
          report.fail(`${where} ${String(target.refId)}: empty PromQL expression`);
          continue;
        }
        checkExpr(`${where} ${String(target.refId)}`, target.expr);
      }
    }
  }

  // Alert and recording rules.
  const groups = asArray(asObj(alertsYaml).groups).map(asObj);
  report.expect(groups.length > 0, `${opts.alerts}: no rule groups`);
  for (const group of groups) {
    for (const rule of asArray(group.rules).map(asObj)) {
      const name = String(rule.alert ?? rule.record);
      if (typeof rule.expr !== 'string') {
        report.fail(`${opts.alerts} ${name}: expr must be a string`);
        continue;
      }
      checkExpr(`${opts.alerts} ${name}`, rule.expr);
      if (rule.alert !== undefined) {
        const labels = asObj(rule.labels);
        report.expect(
          ['critical', 'warning', 'info'].includes(String(labels.severity)),
          `${opts.alerts} ${name}: needs a severity label (critical, warning or info)`,
        );
        report.expect(
          typeof asObj(rule.annotations).summary === 'string',
          `${opts.alerts} ${name}: needs a summary annotation`,
        );
      }
    }
  }

  const unused = [...metrics.values()]
    .filter(
      (m) => m.services.size > 0 && !m.name.startsWith('nodejs_') && !m.name.startsWith('process_'),
    )
    .filter((m) => ![...seriesNames(m).keys()].some((series) => used.has(series)))
    .map((m) => m.name);
  if (unused.length > 0) report.note(`app metrics on no dashboard or alert: ${unused.join(', ')}`);

  report.summary = `${exprCount} expressions in ${files.length} dashboards and ${groups.length} rule groups use ${used.size} known series`;
  return report;
}

runIfMain(import.meta.url, checkDashboards);
