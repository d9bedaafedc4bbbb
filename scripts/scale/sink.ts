import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Delivery {
  eventId: string;
  type: string;
  orderId: string;
  occurredAt: number;
  receivedAt: number;
}

/** How the receiver answers: as a healthy one, with 500, or never (the sender must time out). */
export type SinkMode = 'ok' | 'failing' | 'hanging';

export interface Sink {
  url: string;
  /** Deliveries answered 2xx: events the receiver has really seen. */
  deliveries: Delivery[];
  setMode: (mode: SinkMode) => void;
  /** Requests answered 500 or left hanging on purpose. */
  refused: () => number;
  /** Requests whose signature did not verify (answered 400, so the worker would retry). */
  rejected: () => number;
  close: () => Promise<void>;
}

interface Body {
  id: string;
  type: string;
  occurredAt: string;
  data: { order: { id: string } };
}

/** A local webhook receiver that checks every signature, as a real one would, and keeps the log. */
export async function startSink(secret: string): Promise<Sink> {
  const verifier = new Webhook(secret);
  const deliveries: Delivery[] = [];
  let rejected = 0;
  let refused = 0;
  let mode: SinkMode = 'ok';
  const server = createServer((request, response) => {
    if (mode !== 'ok') {
      refused += 1;
      request.resume();
      if (mode === 'failing') response.writeHead(500).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString();
      try {
        const body = verifier.verify(raw, headersOf(request.headers)) as Body;
        deliveries.push({
          eventId: body.id,
          type: body.type,
          orderId: body.data.order.id,
          occurredAt: Date.parse(body.occurredAt),
          receivedAt: Date.now(),
        });
        response.writeHead(204).end();
      } catch {
        rejected += 1;
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/orders`,
    deliveries,
    setMode: (next) => (mode = next),
    refused: () => refused,
    rejected: () => rejected,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value]] : [],
    ),
  );
}
