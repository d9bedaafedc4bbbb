// The webhook receiver of the compose stack: logs one line per delivery and answers 204.
// Plain Node 24 (it strips the types itself): the stack runs it in the stock node image.
import { createServer } from 'node:http';

function eventType(body: string): string {
  try {
    return String((JSON.parse(body) as { type?: unknown }).type);
  } catch {
    return 'unparsable';
  }
}

const server = createServer((request, response) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => (body += chunk));
  request.on('end', () => {
    const id = String(request.headers['webhook-id']);
    console.log(`${request.method} ${request.url} ${eventType(body)} webhook-id=${id}`);
    response.writeHead(204).end();
  });
});
server.listen(8080, '0.0.0.0', () => console.log('webhook receiver listening on :8080'));
// PID 1 in its container: without a handler, SIGTERM would be ignored until the kill timeout.
process.on('SIGTERM', () => server.close(() => process.exit(0)));
