/**
 * Checks that docker-compose.yml lines up with the code and the observability config:
 * pinned images, start-up order, every config variable set or defaulted (validated by the real
 * loadConfig with the image's own ENV), and every host:port one component dials (Prometheus
 * targets, OTLP endpoint, collector → Jaeger, Grafana datasources, DATABASE_URL, REDIS_URL)
 * is a compose service that listens on that port.
 *
 *   npx tsx scripts/check-compose.ts [--file docker-compose.yml] [--prometheus FILE]
 *     [--collector FILE] [--datasources FILE] [--dashboards-provider FILE]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configVariables, loadConfig, type Config } from '../src/config.js';
import { parseOptions, repoRoot as root, Report, runIfMain } from './lib/report.js';
import { run } from './lib/run.js';
import { asArray, asObj, asStrings, isObj, parseYaml } from './lib/yaml.js';

const defaults = {
  file: join(root, 'docker-compose.yml'),
  prometheus: join(root, 'observability/prometheus/prometheus.yml'),
  collector: join(root, 'observability/otel-collector.yaml'),
  datasources: join(root, 'observability/grafana/provisioning/datasources/datasources.yml'),
  'dashboards-provider': join(root, 'observability/grafana/provisioning/dashboards/dashboards.yml'),
};

// Variables the images read besides src/config.ts (OpenTelemetry SDK, Node).
const EXTERNAL_VARIABLE = /^(OTEL_|NODE_OPTIONS$)/;
const APP_SERVICES = ['migrate', 'api', 'worker'];

export async function checkCompose(args: string[] = []): Promise<Report> {
  const opts = parseOptions(defaults, args);
  const report = new Report('check-compose');

  // `docker-compose config` resolves anchors, relative paths and short syntaxes for us. Relative
  // paths resolve against the repository, so a copy of the file elsewhere is checked the same way.
  let composeText: string;
  try {
    composeText = await run('docker-compose', [
      '-f',
      opts.file,
      '--project-directory',
      root,
      'config',
    ]);
  } catch (error) {
    report.fail(`docker-compose config rejects ${opts.file}:\n${(error as Error).message}`);
    return report;
  }
  // One python process for every YAML file of the check: its start-up is the slow part.
  const [composeYaml, prometheusYaml, collectorYaml, datasourcesYaml, providerYaml] =
    await parseYaml(
      composeText,
      ...[opts.prometheus, opts.collector, opts.datasources, opts['dashboards-provider']].map(
        (path) => readFileSync(path, 'utf8'),
      ),
    );
  const services = asObj(asObj(composeYaml).services);
  const service = (name: string) => asObj(services[name]);

  // --- Images are pinned
  for (const [name, value] of Object.entries(services)) {
    const svc = asObj(value);
    if (isObj(svc.build)) {
      const dockerfile = join(
        String(svc.build.context),
        String(svc.build.dockerfile ?? 'Dockerfile'),
      );
      report.expect(existsSync(dockerfile), `${name}: build file ${dockerfile} does not exist`);
      continue;
    }
    const image = String(svc.image ?? '');
    const pinned =
      /@sha256:[0-9a-f]{64}$/.test(image) || /:v?\d+\.\d+(\.\d+)?([-.][\w.-]+)?$/.test(image);
    report.expect(
      pinned,
      `${name}: image "${image}" must be pinned to an exact version (x.y[.z] tag or digest)`,
    );
  }

  // --- Listening ports: what each service declares in `ports` (container side) or `expose`
  function containerPorts(name: string): Set<number> {
    const svc = service(name);
    const ports = new Set<number>();
    for (const port of asArray(svc.ports)) {
      if (isObj(port)) ports.add(Number(port.target));
      else ports.add(Number(/(\d+)(\/\w+)?$/.exec(String(port))?.[1]));
    }
    for (const port of asArray(svc.expose)) ports.add(Number(String(port).split('/')[0]));
    return ports;
  }

  /** Checks that `host:port`, dialled by `who`, is a compose service listening on that port. */
  function checkDial(who: string, host: string, port: number, expectService?: string): void {
    if (expectService !== undefined && host !== expectService) {
      report.fail(`${who}: dials ${host}:${port}, expected the ${expectService} service`);
    }
    if (!(host in services)) {
      report.fail(
        `${who}: ${host}:${port} is not a compose service (services: ${Object.keys(services).join(', ')})`,
      );
      return;
    }
    report.expect(
      containerPorts(host).has(port),
      `${who}: ${host} does not declare port ${port} (ports/expose: ${[...containerPorts(host)].join(', ') || 'none'})`,
    );
  }

  function hostPort(url: string, defaultPort: number): [string, number] {
    const parsed = new URL(url);
    return [parsed.hostname, parsed.port === '' ? defaultPort : Number(parsed.port)];
  }

  // Host ports must not clash (Grafana and the API both listen on 3000 in their containers).
  const published = new Map<number, string>();
  for (const [name, value] of Object.entries(services)) {
    for (const port of asArray(asObj(value).ports)) {
      const host = isObj(port) ? Number(port.published) : Number(String(port).split(':').at(-2));
      if (Number.isNaN(host)) continue;
      report.expect(
        !published.has(host),
        `${name}: host port ${host} is also published by ${published.get(host)}`,
      );
      published.set(host, name);
    }
  }

  // --- App services: config, start-up order, entry commands
  /** ENV of the Dockerfile's last stage, which the container starts with. */
  function dockerfileEnv(path: string): Record<string, string> {
    const stages = readFileSync(path, 'utf8').split(/^FROM\s/m);
    const env: Record<string, string> = {};
    for (const line of (stages.at(-1) ?? '').split('\n')) {
      const match = /^ENV\s+(.*)$/.exec(line.trim());
      if (!match) continue;
      for (const [, key = '', value = ''] of (match[1] ?? '').matchAll(/(\w+)=("[^"]*"|\S+)/g))
        env[key] = value.replace(/^"|"$/g, '');
    }
    return env;
  }

  const configs = new Map<string, Config>();
  const envs = new Map<string, Record<string, string>>();
  for (const name of APP_SERVICES) {
    const svc = service(name);
    if (!(name in services)) {
      report.fail(`service ${name} is missing`);
      continue;
    }
    const build = asObj(svc.build);
    const dockerfile = join(
      String(build.context ?? root),
      String(build.dockerfile ?? 'Dockerfile'),
    );
    const env: Record<string, string> = {
      ...(existsSync(dockerfile) ? dockerfileEnv(dockerfile) : {}),
      ...Object.fromEntries(
        Object.entries(asObj(svc.environment)).map(([k, v]) => [k, String(v ?? '')]),
      ),
    };
    for (const variable of Object.keys(asObj(svc.environment))) {
      report.expect(
        configVariables.includes(variable) || EXTERNAL_VARIABLE.test(variable),
        `${name}: sets ${variable}, which src/config.ts does not read (typo?)`,
      );
    }
    // The real schema decides: required variables missing or invalid fail here as at start-up.
    try {
      configs.set(name, loadConfig(env));
    } catch (error) {
      report.fail(`${name}: the process would refuse to start: ${(error as Error).message}`);
      continue;
    }
    envs.set(name, env);

    report.expect(
      env.NODE_ENV === 'production',
      `${name}: should run with NODE_ENV=production (image ENV)`,
    );
    if (name !== 'migrate') {
      report.expect(
        env.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined,
        `${name}: OTEL_EXPORTER_OTLP_ENDPOINT is not set`,
      );
      report.expect(env.OTEL_SERVICE_NAME !== undefined, `${name}: OTEL_SERVICE_NAME is not set`);
      const depends = asObj(svc.depends_on);
      report.expect(
        asObj(depends.migrate).condition === 'service_completed_successfully',
        `${name}: must depend on migrate with condition service_completed_successfully`,
      );
      report.expect(
        asObj(depends.redis).condition === 'service_healthy',
        `${name}: must wait for redis to be healthy`,
      );
    }
    const config = configs.get(name);
    if (!config) continue;
    report.expect(
      config.HOST === '0.0.0.0',
      `${name}: HOST must be 0.0.0.0 in a container (is ${config.HOST})`,
    );
    checkDial(`${name} DATABASE_URL`, ...hostPort(config.DATABASE_URL, 5432), 'postgres');
    checkDial(`${name} REDIS_URL`, ...hostPort(config.REDIS_URL, 6379), 'redis');
  }
  const apiConfig = configs.get('api');
  const workerConfig = configs.get('worker');
  if (apiConfig && workerConfig) {
    report.expect(
      apiConfig.JWT_SECRET === workerConfig.JWT_SECRET,
      'api and worker must share JWT_SECRET',
    );
    report.expect(
      apiConfig.REDIS_KEY_PREFIX === workerConfig.REDIS_KEY_PREFIX,
      'api and worker must share REDIS_KEY_PREFIX (same queues)',
    );
  }

  const migrate = service('migrate');
  report.expect(
    asStrings(migrate.command).join(' ') === 'node dist/db/migrate-cli.js',
    'migrate: command must be node dist/db/migrate-cli.js',
  );
  report.expect(
    String(asObj(migrate.build).dockerfile) === 'Dockerfile.api',
    'migrate: must use the api image (Dockerfile.api carries dist/db and migrations/)',
  );
  report.expect(
    asObj(asObj(migrate.depends_on).postgres).condition === 'service_healthy',
    'migrate: must wait for postgres to be healthy',
  );
  report.expect(
    ['no', undefined].includes(migrate.restart as string | undefined),
    'migrate: is one-shot, restart must be "no"',
  );
  for (const name of ['postgres', 'redis', 'api']) {
    report.expect(isObj(service(name).healthcheck), `${name}: needs a healthcheck`);
  }
  report.expect(
    String(asObj(service('api').build).dockerfile) === 'Dockerfile.api',
    'api: must build Dockerfile.api',
  );
  report.expect(
    String(asObj(service('worker').build).dockerfile) === 'Dockerfile.worker',
    'worker: must build Dockerfile.worker',
  );
  report.expect(
    asArray(service('postgres').volumes).some((v) =>
      isObj(v) ? v.type === 'volume' : /^[\w-]+:\/var\/lib\/postgresql\/data/.test(String(v)),
    ),
    'postgres: data must live on a named volume',
  );

  // --- Bind mounts exist
  const mounts = new Map<string, Map<string, string>>(); // service → target → source
  for (const [name, value] of Object.entries(services)) {
    const byTarget = new Map<string, string>();
    for (const volume of asArray(asObj(value).volumes)) {
      const [source, target] = isObj(volume)
        ? [String(volume.source), String(volume.target)]
        : String(volume).split(':');
      if (source === undefined || target === undefined) continue;
      byTarget.set(target, source);
      if (source.startsWith('/'))
        report.expect(existsSync(source), `${name}: mounted path ${source} does not exist`);
    }
    mounts.set(name, byTarget);
  }
  const mountedFile = (name: string, target: string): string | undefined =>
    mounts.get(name)?.get(target);

  // --- Prometheus scrapes the app services on their configured ports
  report.expect(
    mountedFile('prometheus', '/etc/prometheus') === join(root, 'observability/prometheus'),
    'prometheus: must mount observability/prometheus at /etc/prometheus',
  );
  const expectedTargets: Record<string, [string, number | undefined]> = {
    api: ['api', apiConfig?.PORT],
    worker: ['worker', workerConfig?.WORKER_PORT],
  };
  const scrapeJobs = new Set<string>();
  for (const job of asArray(asObj(prometheusYaml).scrape_configs).map(asObj)) {
    const jobName = String(job.job_name);
    scrapeJobs.add(jobName);
    for (const staticConfig of asArray(job.static_configs).map(asObj)) {
      for (const target of asStrings(staticConfig.targets)) {
        const [host = '', port] = [target.split(':')[0], Number(target.split(':')[1])];
        if (host === 'localhost' || host === '127.0.0.1') continue; // Prometheus itself
        checkDial(`prometheus job ${jobName}`, host, port);
        const expected = expectedTargets[jobName];
        if (expected?.[1] !== undefined) {
          report.expect(
            host === expected[0] && port === expected[1],
            `prometheus job ${jobName}: scrapes ${target}, but the ${expected[0]} service listens on ${expected[0]}:${expected[1]}`,
          );
        }
      }
    }
  }
  for (const job of ['api', 'worker'])
    report.expect(
      scrapeJobs.has(job),
      `prometheus: no scrape job "${job}" (alerts use up{job="${job}"})`,
    );

  // --- Traces: app → collector (OTLP/HTTP) → Jaeger (OTLP/gRPC)
  const collectorName = Object.keys(services).find((name) =>
    [...(mounts.get(name)?.values() ?? [])].some(
      (source) => resolve(source) === resolve(root, 'observability/otel-collector.yaml'),
    ),
  );
  if (collectorName === undefined)
    report.fail('no service mounts observability/otel-collector.yaml');
  const collector = asObj(collectorYaml);
  const protocols = asObj(asObj(asObj(collector.receivers).otlp).protocols);
  const httpPort = Number(String(asObj(protocols.http).endpoint).split(':').at(-1));
  for (const name of ['api', 'worker']) {
    const endpoint = asObj(service(name).environment).OTEL_EXPORTER_OTLP_ENDPOINT;
    if (typeof endpoint !== 'string') continue;
    const [host, port] = hostPort(endpoint, 4318);
    // The apps use @opentelemetry/exporter-trace-otlp-http: the collector's HTTP receiver.
    report.expect(
      port === httpPort,
      `${name}: OTEL_EXPORTER_OTLP_ENDPOINT port ${port} is not the collector's OTLP/HTTP port ${httpPort}`,
    );
    if (collectorName) checkDial(`${name} OTEL_EXPORTER_OTLP_ENDPOINT`, host, port, collectorName);
  }
  for (const [id, exporter] of Object.entries(asObj(collector.exporters))) {
    const endpoint = asObj(exporter).endpoint;
    if (typeof endpoint !== 'string') continue;
    const [host, port] = endpoint.includes('://')
      ? hostPort(endpoint, 4318)
      : [endpoint.split(':')[0] ?? '', Number(endpoint.split(':')[1])];
    checkDial(`collector exporter ${id}`, host, port);
  }

  // --- Grafana: datasources and dashboards
  for (const source of asArray(asObj(datasourcesYaml).datasources).map(asObj)) {
    if (typeof source.url !== 'string') continue;
    checkDial(`grafana datasource ${String(source.uid)}`, ...hostPort(source.url, 80));
  }
  const grafanaMounts = mounts.get('grafana') ?? new Map<string, string>();
  report.expect(
    grafanaMounts.get('/etc/grafana/provisioning') ===
      resolve(root, 'observability/grafana/provisioning'),
    'grafana: must mount observability/grafana/provisioning at /etc/grafana/provisioning',
  );
  for (const provider of asArray(asObj(providerYaml).providers).map(asObj)) {
    const path = String(asObj(provider.options).path);
    report.expect(
      grafanaMounts.get(path) === resolve(root, 'observability/grafana/dashboards'),
      `grafana: dashboards provider reads ${path}, which is not where observability/grafana/dashboards is mounted`,
    );
  }
  const grafanaEnv = asObj(service('grafana').environment);
  report.expect(
    String(grafanaEnv.GF_AUTH_ANONYMOUS_ENABLED) === 'true',
    'grafana: anonymous access must be enabled',
  );
  report.expect(
    grafanaEnv.GF_AUTH_ANONYMOUS_ORG_ROLE === 'Viewer',
    'grafana: anonymous users must be Viewers, nothing more',
  );

  // What no app service sets: the schema's default applies, or the feature stays off.
  const unset = configVariables.filter((v) => ![...envs.values()].some((env) => v in env));
  const anyConfig = [...configs.values()][0];
  const off = unset.filter((v) => anyConfig?.[v as keyof Config] === undefined);
  report.note(
    `config variables defaulted by src/config.ts: ${unset.filter((v) => !off.includes(v)).join(', ')}`,
  );
  report.note(`optional config variables left unset (feature off): ${off.join(', ')}`);
  report.summary = `${Object.keys(services).length} services; env, ports, scrape targets, OTLP and datasources line up`;
  return report;
}

runIfMain(import.meta.url, checkCompose);
