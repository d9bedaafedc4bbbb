import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postSigned, type PostResult } from '../../src/workers/signed-post.js';
import { startWebhookReceiver, webhookSecret } from '../helpers/worker.js';

/** One attempt against a receiver that answers `answer`: what the observer heard, how it ended. */
async function attempt(answer: number | 'hang' | 'unreachable') {
  const receiver = await startWebhookReceiver(() => (answer === 'unreachable' ? 200 : answer));
  if (answer === 'unreachable') await receiver.close();
  const observed: PostResult[] = [];
  let failure: Error | undefined;
  try {
    await postSigned(
      {
        url: receiver.url,
        secret: webhookSecret,
        timeoutMs: 300,
        messageId: randomUUID(),
        body: '{}',
      },
      (result) => observed.push(result),
    ).catch((error: Error) => {
      failure = error;
    });
  } finally {
    if (answer !== 'unreachable') await receiver.close();
  }
  return { observed, failure, port: new URL(receiver.url).port };
}

describe('signed POST attempts', () => {
  it.each([
    [204, 'delivered'],
    [410, 'rejected'],
    [429, 'failed'],
    [503, 'failed'],
    ['hang', 'timeout'],
    ['unreachable', 'failed'],
  ] as const)(
    'when the receiver answers %s, then the attempt is observed once as %s',
    async (answer, outcome) => {
      const { observed } = await attempt(answer);
      expect(observed).toHaveLength(1);
      expect(observed[0]?.outcome).toBe(outcome);
      expect(observed[0]?.seconds).toBeGreaterThanOrEqual(0);
    },
  );

  it('when an attempt fails, then the error names the real cause, not the error type', async () => {
    const refused = await attempt('unreachable');
    expect(refused.failure?.message).toBe(`ECONNREFUSED 127.0.0.1:${refused.port}`);
    expect((await attempt('hang')).failure?.message).toBe('timeout after 300 ms');
    expect((await attempt(500)).failure?.message).toBe('HTTP 500');
  });
});

describe('signed POST and redirects', () => {
  it('when the receiver redirects, then the redirect is not followed and the attempt fails with its status', async () => {
    const { createServer } = await import('node:http');
    let followed = 0;
    const server = createServer((request, response) => {
      if (request.url === '/elsewhere') followed++;
      response.writeHead(307, { location: '/elsewhere' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const failure = await postSigned({
        url: `http://127.0.0.1:${port}/hook`,
        secret: webhookSecret,
        timeoutMs: 1_000,
        messageId: randomUUID(),
        body: '{}',
      }).catch((error: Error) => error);

      expect((failure as Error).message).toBe('HTTP 307');
      expect(followed).toBe(0);
    } finally {
      server.close();
    }
  });
});
