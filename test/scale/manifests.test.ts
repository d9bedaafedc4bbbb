import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configVariables, loadConfig } from '../../src/config.js';
import { emittedMetrics } from '../helpers/emitted-metrics.js';
import { analyseExpr } from '../helpers/promql.js';

/** The Kubernetes schemas (kubernetes-models, from the OpenAPI spec; KEDA's from its CRD). */
const models = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
} as const;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  [field: string]: any;
}

/** `kubectl kustomize`, the renderer `kubectl apply -k` uses. */
function render(dir: string): Manifest[] {
  const output = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(output).map((document) => document.toJS() as Manifest);
}

const base = render('deploy/k8s/base');
const production = render('deploy/k8s/overlays/production');
const find = (manifests: Manifest[], kind: string, name: string) => {
  const found = manifests.find((item) => item.kind === kind && item.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const podSpecs = (manifests: Manifest[]) =>
  manifests
    .filter((item) => item.kind === 'Deployment' || item.kind === 'Job')
    .map((item) => ({ name: item.metadata.name, pod: item.spec.template.spec }));
const configMap = (manifests: Manifest[]): Record<string, string> =>
  manifests.find((item) => item.kind === 'ConfigMap')!.data;

/** Secrets are credentials: names of this shape, and the URLs that carry a password. */
const secretVariables = configVariables.filter(
  (name) => /SECRET|PASSWORD/.test(name) || ['DATABASE_URL', 'REDIS_URL'].includes(name),
);
const secretKeys = Object.keys(find(base, 'Secret', 'orders-secrets').stringData);
const placeholders: Record<string, string> = {
  DATABASE_URL: 'postgres://orders:password@postgres.example.com:5432/orders',
  REDIS_URL: 'rediss://:password@redis.example.com:6379',
  JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
};

describe('Kubernetes manifests (deploy/k8s)', () => {
  it.each([
    ['base', base],
    ['production', production],
  ])('when %s is rendered, then every object validates against its schema', (_, manifests) => {
    for (const manifest of manifests) {
      const model = models[`${manifest.apiVersion}/${manifest.kind}` as keyof typeof models];
      expect(model, `${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new model(manifest as never).validate(), manifest.metadata.name).not.toThrow();
    }
  });

  it('when a pod starts, then every variable of src/config.ts is set by the ConfigMap or the Secret, and loads', () => {
    const data = configMap(production);
    for (const name of configVariables) {
      const secret = secretVariables.includes(name);
      expect({ name, inSecret: secretKeys.includes(name) }).toEqual({ name, inSecret: secret });
      expect({ name, inConfigMap: name in data }).toEqual({ name, inConfigMap: !secret });
    }
    expect(secretKeys.filter((key) => !configVariables.includes(key))).toEqual([]);
    const secrets = Object.fromEntries(secretKeys.map((key) => [key, placeholders[key] ?? '']));
    expect(() => loadConfig({ ...data, ...secrets })).not.toThrow();

    for (const { name, pod } of podSpecs(production)) {
      for (const container of pod.containers) {
        expect(container.envFrom, name).toEqual([
          { configMapRef: { name: expect.stringMatching(/^orders-config-/) } },
          { secretRef: { name: 'orders-secrets' } },
        ]);
      }
    }
    // Applying production never overwrites the real Secret with the template.
    expect(production.filter((item) => item.kind === 'Secret')).toEqual([]);
  });

  it('when an API pod stops, then preStop matches the drain delay and the grace period outlasts the app’s shutdown', () => {
    const config = loadConfig({ ...configMap(production), ...placeholders });
    const api = find(production, 'Deployment', 'orders-api').spec.template.spec;
    const preStopSeconds = api.containers[0].lifecycle.preStop.sleep.seconds;
    expect(preStopSeconds * 1000).toBe(config.SHUTDOWN_DRAIN_DELAY_MS);
    expect(api.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      preStopSeconds * 1000 + config.SHUTDOWN_TIMEOUT_MS,
    );
    const worker = find(production, 'Deployment', 'orders-worker').spec.template.spec;
    expect(worker.terminationGracePeriodSeconds * 1000).toBeGreaterThan(config.SHUTDOWN_TIMEOUT_MS);
  });

  it('when the probes run, then readiness asks /readyz and liveness /healthz on the port the process listens on', () => {
    const config = loadConfig({ ...configMap(production), ...placeholders });
    for (const [name, port, metricsPort] of [
      ['orders-api', config.PORT, config.METRICS_PORT],
      ['orders-worker', config.WORKER_PORT, config.WORKER_PORT],
    ] as const) {
      const deployment = find(production, 'Deployment', name);
      const [container] = deployment.spec.template.spec.containers;
      const portName = container.ports[0].name;
      expect(container.ports[0].containerPort).toBe(port);
      expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: portName });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: portName });
      expect(deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(metricsPort),
      });
      expect(
        container.ports.map((entry: { containerPort: number }) => entry.containerPort),
      ).toContain(metricsPort);
    }
  });

  it('when Prometheus scrapes the API, then only the monitoring namespace reaches its metrics port, and not the ingress', () => {
    const config = loadConfig({ ...configMap(production), ...placeholders });
    const policy = find(production, 'NetworkPolicy', 'orders-api');
    const namespacesFor = (port: number) =>
      policy.spec.ingress
        .filter((rule: { ports: { port: number }[] }) => rule.ports.some((p) => p.port === port))
        .flatMap(
          (rule: { from: { namespaceSelector: { matchLabels: Record<string, string> } }[] }) =>
            rule.from.map(
              (peer) => peer.namespaceSelector.matchLabels['kubernetes.io/metadata.name'],
            ),
        );
    expect(config.METRICS_HOST).toBe('0.0.0.0');
    expect(namespacesFor(config.METRICS_PORT)).toEqual(['monitoring']);
    expect(namespacesFor(config.PORT)).not.toContain('monitoring');
  });

  it('when pods run, then they are non-root with a read-only root filesystem and a writable /tmp', () => {
    for (const { name, pod } of podSpecs(production)) {
      expect(pod.securityContext, name).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(pod.automountServiceAccountToken, name).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext, name).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(container.resources.requests, name).toHaveProperty('memory');
        expect(container.resources.limits, name).toHaveProperty('memory');
        const tmp = container.volumeMounts.find((mount: any) => mount.mountPath === '/tmp');
        expect(
          pod.volumes.find((volume: any) => volume.name === tmp?.name)?.emptyDir,
        ).toBeDefined();
      }
    }
  });

  it('when every deployment is at its maximum mid-rollout, then the connections fit a default Postgres', () => {
    // max_connections 100, 3 reserved for superusers, 10 kept for operators and monitoring.
    const budget = 100 - 3 - 10;
    const config = loadConfig({ ...configMap(production), ...placeholders });
    const api = find(production, 'HorizontalPodAutoscaler', 'orders-api').spec;
    const worker = find(production, 'ScaledObject', 'orders-worker').spec;
    const surge = (name: string) =>
      find(production, 'Deployment', name).spec.strategy.rollingUpdate.maxSurge as number;
    const workerExtraConnections = 1;
    const migrateConnections = 1;
    const peak =
      (api.maxReplicas + surge('orders-api')) * config.DATABASE_POOL_SIZE +
      (worker.maxReplicaCount + surge('orders-worker')) *
        (config.DATABASE_POOL_SIZE + workerExtraConnections) +
      migrateConnections;
    expect(peak).toBeLessThanOrEqual(budget);
  });

  it('when production autoscales, then the API follows CPU and the worker a backlog the worker really reports', async () => {
    const hpa = find(production, 'HorizontalPodAutoscaler', 'orders-api').spec;
    expect(hpa.metrics).toEqual([
      expect.objectContaining({
        type: 'Resource',
        resource: expect.objectContaining({ name: 'cpu' }),
      }),
    ]);
    const scaled = find(production, 'ScaledObject', 'orders-worker').spec;
    expect(scaled.scaleTargetRef.name).toBe('orders-worker');
    const emitted = await emittedMetrics();
    for (const selector of analyseExpr(scaled.triggers[0].metadata.query).selectors) {
      const metric = emitted.get(selector.metric);
      expect(metric?.services, selector.metric).toContain('orders-worker');
      for (const label of selector.labels) expect(metric?.labels, label).toContain(label);
    }
    expect(find(production, 'Deployment', 'orders-worker').spec.replicas).toBeUndefined();
    expect(find(production, 'Deployment', 'orders-api').spec.replicas).toBeUndefined();
  });

  it('when nodes are drained, then a disruption budget covers each deployment', () => {
    for (const name of ['orders-api', 'orders-worker']) {
      const labels = find(production, 'Deployment', name).spec.template.metadata.labels;
      const budget = find(production, 'PodDisruptionBudget', name).spec;
      expect(labels).toMatchObject(budget.selector.matchLabels);
      expect(budget.maxUnavailable).toBe(1);
    }
  });

  it('when traffic arrives, then the ingress reaches the API through its Service, under TLS', () => {
    const service = find(production, 'Service', 'orders-api').spec;
    const apiLabels = find(production, 'Deployment', 'orders-api').spec.template.metadata.labels;
    expect(apiLabels).toMatchObject(service.selector);
    const ingress = find(production, 'Ingress', 'orders-api').spec;
    expect(ingress.rules[0].http.paths[0].backend.service).toEqual({
      name: 'orders-api',
      port: { name: service.ports[0].name },
    });
    expect(ingress.tls).toHaveLength(1);
  });

  it('when a rollout starts, then the migrate Job runs the built migration entry first', () => {
    const job = find(production, 'Job', 'orders-migrate');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
    expect(job.spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/db/migrate-cli.js',
    ]);
    expect(readFileSync('src/db/migrate-cli.ts', 'utf8')).toContain('migrate(');
  });
});
