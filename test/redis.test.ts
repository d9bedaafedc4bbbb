import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { queuePrefix } from '../src/queues.js';
import { createRedis } from '../src/redis.js';
import { freePort, spawnProcess, waitFor, type SpawnedProcess } from './helpers/process.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'orders-redis-'));
const servers: SpawnedProcess[] = [];

/** A private redis-server (never the shared one), ready when it says so. */
async function startRedisServer(args: string[], readyLine = 'Ready to accept connections') {
  const server = spawnProcess('redis-server', args, {});
  servers.push(server);
  await waitFor(`redis-server ${args.join(' ')}`, () =>
    server.output().includes(readyLine) ? true : undefined,
  );
  return server;
}

const plain = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  rmSync(dir, { recursive: true, force: true });
});

describe('Redis connections', () => {
  it('when REDIS_SENTINELS names a master, then clients reach that master whatever REDIS_URL’s host', async () => {
    const masterPort = await freePort();
    await startRedisServer(['--port', String(masterPort), ...plain]);
    const sentinelPort = await freePort();
    const sentinelConf = join(dir, 'sentinel.conf');
    writeFileSync(
      sentinelConf,
      `port ${sentinelPort}\nbind 127.0.0.1\nsentinel monitor orders-test 127.0.0.1 ${masterPort} 1\n`,
    );
    await startRedisServer([sentinelConf, '--sentinel'], 'Sentinel ID is');

    const config = loadConfig({
      REDIS_URL: 'redis://nowhere.invalid:1/0',
      REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
      REDIS_SENTINEL_NAME: 'orders-test',
    });
    const redis = createRedis(config, { maxRetriesPerRequest: 1 });
    try {
      const [, port] = (await redis.config('GET', 'port')) as [string, string];
      expect(Number(port)).toBe(masterPort);
    } finally {
      redis.disconnect();
    }
  });

  it('when REDIS_SENTINELS comes without REDIS_SENTINEL_NAME, then config names the missing variable', () => {
    expect(() => loadConfig({ REDIS_SENTINELS: '127.0.0.1:26379' })).toThrow(ConfigError);
    expect(() => loadConfig({ REDIS_SENTINELS: '127.0.0.1:26379' })).toThrow(/REDIS_SENTINEL_NAME/);
    expect(() => loadConfig({ REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });

  it('when REDIS_URL is rediss:// and the CA comes from NODE_EXTRA_CA_CERTS, then the client speaks TLS', async () => {
    const openssl = (args: string) => run('openssl', args.split(' '), { cwd: dir });
    await openssl(
      'req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=orders-test-ca -keyout ca.key -out ca.pem',
    );
    await openssl(
      'req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr',
    );
    writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
    await openssl(
      'x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 1 -extfile san.ext -out server.pem',
    );
    const tlsPort = await freePort();
    const tls = `--port 0 --tls-port ${tlsPort} --tls-auth-clients no --tls-cert-file ${dir}/server.pem --tls-key-file ${dir}/server.key --tls-ca-cert-file ${dir}/ca.pem`;
    await startRedisServer([...tls.split(' '), ...plain]);

    // Node reads NODE_EXTRA_CA_CERTS only at start: a process of its own, as in production.
    const script = join(dir, 'ping.mts');
    writeFileSync(
      script,
      `import { loadConfig } from '${process.cwd()}/src/config.ts';
import { createRedis } from '${process.cwd()}/src/redis.ts';
const redis = createRedis(loadConfig(), { maxRetriesPerRequest: 0 });
console.log(await redis.ping());
redis.disconnect();
`,
    );
    const child = spawnProcess(process.execPath, ['--import', 'tsx', script], {
      REDIS_URL: `rediss://localhost:${tlsPort}`,
      NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem'),
    });
    const { code } = await child.exited;
    // The server has no plain-text port (--port 0): an answer means TLS, verified against the CA.
    expect(child.output().trim()).toBe('PONG');
    expect(code).toBe(0);
  });
});

describe('queue keys on Redis Cluster', () => {
  it('when BullMQ runs on a three-node cluster with the service’s prefixes, then jobs are added and processed', async () => {
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    for (const port of ports) {
      const cluster = `--port ${port} --cluster-enabled yes --cluster-config-file nodes-${port}.conf --dir ${dir}`;
      await startRedisServer([...cluster.split(' '), ...plain]);
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    const create = `--cluster create ${nodes.join(' ')} --cluster-replicas 0 --cluster-yes`;
    await run('redis-cli', create.split(' '));
    await waitFor('the cluster to cover every slot', async () => {
      const { stdout } = await run('redis-cli', ['-p', String(ports[0]), 'cluster', 'info']);
      return stdout.includes('cluster_state:ok') ? true : undefined;
    });

    const connection = new Cluster([{ host: '127.0.0.1', port: ports[0]! }], {
      redisOptions: { maxRetriesPerRequest: null },
    });
    try {
      for (const prefix of [loadConfig({}).REDIS_KEY_PREFIX, 'tenant-a:']) {
        const options = { connection, prefix: queuePrefix({ REDIS_KEY_PREFIX: prefix }) };
        const queue = new Queue('order-created', options);
        const worker = new Worker('order-created', async (job) => `done ${job.id}`, options);
        try {
          await queue.add('order.created', {}, { jobId: 'evt-cluster' });
          const job = await waitFor('the job to be processed', async () => {
            const stored = await queue.getJob('evt-cluster');
            return stored?.finishedOn ? stored : undefined;
          });
          expect(job.returnvalue).toBe('done evt-cluster');
        } finally {
          await worker.close();
          await queue.obliterate({ force: true });
          await queue.close();
        }
      }
    } finally {
      connection.disconnect();
    }
  });
});
