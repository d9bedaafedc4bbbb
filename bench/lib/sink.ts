import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook receiver that answers 204 at once and counts distinct webhook-ids. */
export async function startWebhookSink() {
  const seen = new Set<string>();
  let waiters: (() => void)[] = [];
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = request.headers['webhook-id'];
      if (typeof id === 'string') seen.add(id);
      response.writeHead(204).end();
      for (const wake of waiters) wake();
      waiters = [];
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    secret: `whsec_${Buffer.from('bench-webhook-signing-key-0123456789').toString('base64')}`,
    count: () => seen.size,
    reset: () => seen.clear(),
    /** Resolves once `count` distinct events arrived; rejects after `timeoutMs`. */
    waitFor: async (count: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (seen.size < count) {
        if (Date.now() > deadline)
          throw new Error(`only ${seen.size} of ${count} webhooks arrived`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
