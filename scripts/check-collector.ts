/**
 * Structural check of the OpenTelemetry Collector config (no collector binary runs here):
 * pipelines reference only defined components of known types, memory_limiter comes first and
 * batch last, OTLP listens on 4317/4318, and the Jaeger exporter is wired.
 *
 *   npx tsx scripts/check-collector.ts [--config FILE]
 */
import { join } from 'node:path';
import { parseOptions, repoRoot, Report, runIfMain } from './lib/report.js';
import { asArray, asObj, isObj, readYaml } from './lib/yaml.js';

// Component types of the contrib image we use; a typo here is an "unknown type" at collector start.
const KNOWN_TYPES: Record<string, string[]> = {
  receivers: ['otlp', 'prometheus', 'hostmetrics'],
  processors: [
    'batch',
    'memory_limiter',
    'resource',
    'attributes',
    'filter',
    'tail_sampling',
    'probabilistic_sampler',
  ],
  exporters: ['otlp', 'otlphttp', 'debug', 'prometheus', 'prometheusremotewrite'],
  extensions: ['health_check', 'pprof', 'zpages'],
  connectors: ['spanmetrics', 'forward'],
};
const SIGNALS = ['traces', 'metrics', 'logs'];

/** `otlp/jaeger` is an `otlp` component named `jaeger`. */
const componentType = (id: string): string => id.split('/')[0] ?? id;

const defaults = { config: join(repoRoot, 'observability/otel-collector.yaml') };

export async function checkCollector(args: string[] = []): Promise<Report> {
  const opts = parseOptions(defaults, args);
  const report = new Report('check-collector');
  const config = asObj((await readYaml(opts.config))[0]);
  const defined: Record<string, Set<string>> = {};
  for (const [kind, types] of Object.entries(KNOWN_TYPES)) {
    const section = config[kind];
    if (section !== undefined && !isObj(section)) report.fail(`${kind} must be a map`);
    defined[kind] = new Set(Object.keys(asObj(section)));
    for (const id of defined[kind]) {
      const type = componentType(id);
      report.expect(types.includes(type), `${kind}.${id}: unknown component type "${type}"`);
    }
  }

  const service = asObj(config.service);
  const used = new Set<string>();
  function refs(where: string, kind: string, list: unknown, required: boolean): string[] {
    if (list !== undefined && !Array.isArray(list)) report.fail(`${where}.${kind} must be a list`);
    const names = asArray(list).map(String);
    if (required && names.length === 0) report.fail(`${where}: needs at least one of ${kind}`);
    for (const name of names) {
      // A connector is both an exporter of one pipeline and a receiver of another.
      const ok =
        defined[kind]?.has(name) === true ||
        (kind !== 'processors' && defined.connectors?.has(name) === true);
      report.expect(ok, `${where}: ${kind} "${name}" is not defined`);
      used.add(`${kind}:${name}`);
    }
    return names;
  }

  refs('service', 'extensions', service.extensions, false);
  const pipelines = asObj(service.pipelines);
  report.expect(Object.keys(pipelines).length > 0, 'service.pipelines: no pipelines');
  for (const [id, value] of Object.entries(pipelines)) {
    const where = `service.pipelines.${id}`;
    report.expect(
      SIGNALS.includes(componentType(id)),
      `${where}: pipeline type must be one of ${SIGNALS.join(', ')}`,
    );
    const pipeline = asObj(value);
    refs(where, 'receivers', pipeline.receivers, true);
    const processors = refs(where, 'processors', pipeline.processors, false);
    refs(where, 'exporters', pipeline.exporters, true);
    // Order matters: refuse data before buffering it, batch right before export.
    const limiter = processors.findIndex((p) => p.split('/')[0] === 'memory_limiter');
    report.expect(limiter <= 0, `${where}: memory_limiter must be the first processor`);
    const batch = processors.findIndex((p) => p.split('/')[0] === 'batch');
    report.expect(
      batch === -1 || batch === processors.length - 1,
      `${where}: batch must be the last processor`,
    );
  }

  const traces = asObj(pipelines.traces);
  report.expect(
    asArray(traces.processors).includes('memory_limiter'),
    'traces pipeline must use memory_limiter',
  );
  report.expect(asArray(traces.processors).includes('batch'), 'traces pipeline must use batch');

  const limiter = asObj(asObj(config.processors).memory_limiter);
  report.expect(typeof limiter.check_interval === 'string', 'memory_limiter needs check_interval');
  report.expect(
    limiter.limit_mib !== undefined || limiter.limit_percentage !== undefined,
    'memory_limiter needs limit_mib or limit_percentage',
  );

  // The apps export OTLP over HTTP (4318); gRPC (4317) is there for other clients.
  const protocols = asObj(asObj(asObj(config.receivers).otlp).protocols);
  report.expect(
    String(asObj(protocols.grpc).endpoint).endsWith(':4317'),
    'otlp receiver: grpc must listen on :4317',
  );
  report.expect(
    String(asObj(protocols.http).endpoint).endsWith(':4318'),
    'otlp receiver: http must listen on :4318',
  );

  const jaeger = asObj(asObj(config.exporters)['otlp/jaeger']);
  report.expect(
    jaeger.endpoint === 'jaeger:4317',
    'exporters.otlp/jaeger.endpoint must be jaeger:4317',
  );
  report.expect(
    asObj(jaeger.tls).insecure === true,
    'exporters.otlp/jaeger: tls.insecure must be true (plain gRPC inside compose)',
  );
  report.expect(
    asArray(traces.exporters).includes('otlp/jaeger'),
    'traces pipeline must export to otlp/jaeger',
  );

  // Defined but in no pipeline: allowed (the collector ignores them), but worth saying.
  for (const kind of ['receivers', 'processors', 'exporters', 'extensions']) {
    for (const name of defined[kind] ?? []) {
      if (!used.has(`${kind}:${name}`))
        report.note(`${kind}.${name} is defined but not used (off)`);
    }
  }

  report.summary = `${Object.keys(pipelines).length} pipeline(s), components all defined`;
  return report;
}

runIfMain(import.meta.url, checkCollector);
