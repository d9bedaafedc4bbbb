import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnProcess } from '../helpers/process.js';

/** Records the path of every request it gets (an OTLP/HTTP collector stand-in). */
async function collector(port: number): Promise<{ server: Server; paths: string[]; port: number }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    request.resume().on('end', () => response.writeHead(200).end());
  });
  // '::' also takes IPv4 on a dual-stack host, whichever address "localhost" resolves to.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(port, '::', resolve);
  });
  return { server, paths, port: (server.address() as AddressInfo).port };
}

async function runWithTelemetry(env: Record<string, string>) {
  const child = spawnProcess(
    process.execPath,
    ['--import', 'tsx', '--import', './src/api/instrument.ts', 'test/telemetry/emit-one-span.ts'],
    { OTEL_BSP_SCHEDULE_DELAY: '50', ...env },
  );
  const { code } = await child.exited;
  return { code, output: child.output() };
}

describe('trace export', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('when no OTLP endpoint is set, then spans still get trace ids, nothing is sent to localhost:4318 and nothing is logged', async () => {
    const defaultPort = await collector(4318);
    servers.push(defaultPort.server);
    const { code, output } = await runWithTelemetry({});
    expect(code).toBe(0);
    // The only output is the probe's own line: no exporter errors, no SDK warnings.
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({
      traceId: expect.stringMatching(/^(?!0{32})[0-9a-f]{32}$/),
    });
    expect(defaultPort.paths).toEqual([]);
  });

  it('when OTEL_EXPORTER_OTLP_ENDPOINT is set, then spans are posted to its /v1/traces', async () => {
    const sink = await collector(0);
    servers.push(sink.server);
    const { code } = await runWithTelemetry({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${sink.port}`,
      OTEL_TRACES_SAMPLER: 'always_on',
    });
    expect(code).toBe(0);
    expect(sink.paths).toContain('/v1/traces');
  });
});
