import { describe, expect, it } from 'vitest';
import { defaultSampleRatio, tracesSampler } from '../../src/telemetry.js';

const described = async (env: NodeJS.ProcessEnv, exporting = true) =>
  (await tracesSampler(env, exporting)).toString();

describe('trace sampling', () => {
  it('when exporting with no sampler named, then new traces are kept at the default ratio and a caller’s decision is followed', async () => {
    const sampler = await described({});
    expect(sampler).toMatch(/^ParentBased\{root=TraceIdRatioBased\{([\d.]+)\}/);
    expect(sampler).toContain(`TraceIdRatioBased{${defaultSampleRatio}}`);
    expect(sampler).toContain('remoteParentSampled=AlwaysOnSampler');
    expect(sampler).toContain('remoteParentNotSampled=AlwaysOffSampler');
  });

  it('when OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG are set, then they choose the sampler', async () => {
    expect(await described({ OTEL_TRACES_SAMPLER_ARG: '0.25' })).toContain(
      'root=TraceIdRatioBased{0.25}',
    );
    expect(await described({ OTEL_TRACES_SAMPLER: 'always_on' })).toBe('AlwaysOnSampler');
    expect(
      await described({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.5' }),
    ).toBe('TraceIdRatioBased{0.5}');
  });

  it('when nothing is exported, then no new trace is recorded whatever the variables say', async () => {
    expect(await described({ OTEL_TRACES_SAMPLER: 'always_on' }, false)).toMatch(
      /^ParentBased\{root=AlwaysOffSampler/,
    );
  });
});
