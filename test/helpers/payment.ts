import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql, type CommonQueryMethods } from 'slonik';
import { z } from 'zod';

export const paymentSecret = `whsec_${Buffer.from('test-payment-signing-key-0123456789').toString('base64')}`;

export interface PaymentRequest {
  headers: IncomingHttpHeaders;
  body: string;
  orderId: string;
  /** 0 for the first request about this order, 1 for its first retry… */
  attempt: number;
}

/** What the stub answers: a status (after an optional delay), or never; or later, as a promise. */
export type PaymentAnswer = number | 'hang' | { status: number; afterMs: number };

/**
 * A local payment endpoint (node:http on port 0) that records every request and answers each as
 * `answer` says; by default it authorizes (200).
 */
export async function startPaymentStub(
  answer: (request: PaymentRequest) => PaymentAnswer | Promise<PaymentAnswer> = () => 200,
) {
  const received: PaymentRequest[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const orderId = String((JSON.parse(body) as { orderId?: unknown }).orderId);
      const attempt = received.filter((r) => r.orderId === orderId).length;
      const paymentRequest = { headers: request.headers, body, orderId, attempt };
      received.push(paymentRequest);
      open.add(response);
      const decided = await answer(paymentRequest);
      if (decided === 'hang') return;
      const { status, afterMs } =
        typeof decided === 'number' ? { status: decided, afterMs: 0 } : decided;
      setTimeout(() => {
        open.delete(response);
        if (!response.destroyed) response.writeHead(status).end();
      }, afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/authorize`,
    received,
    /** Requests about one order, in arrival order. */
    about: (orderId: string) => received.filter((r) => r.orderId === orderId),
    close: async () => {
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const ledgerRow = z.object({
  status: z.string(),
  history: z.array(z.string()),
  events: z.array(z.string()),
});

/** An order's status with the statuses its history and its events name, in order. */
export function orderLedger(db: CommonQueryMethods, orderId: string) {
  return db.one(sql.type(ledgerRow)`
    SELECT o.status,
           ARRAY(SELECT h.status FROM order_history h WHERE h.order_id = o.id
                 ORDER BY h.at, h.status) AS history,
           ARRAY(SELECT e.event_type FROM outbox e WHERE e.aggregate_id = o.id
                 ORDER BY e.created_at, e.id) AS events
    FROM orders o WHERE o.id = ${orderId}`);
}
