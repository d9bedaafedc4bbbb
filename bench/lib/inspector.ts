import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** process.memoryUsage() of the inspected process, in bytes. */
export interface MemoryUsage {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface HeapSnapshot {
  file: string;
  /** V8 heap in use right after a forced full GC: the live objects, with no garbage. */
  liveHeapBytes: number;
  memory: MemoryUsage;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

/**
 * A client of the inspector of a process started with `--inspect=127.0.0.1:<port>` (Chrome
 * DevTools protocol over Node's own WebSocket). `snapshot` forces a full GC, reads what is left,
 * and writes a .heapsnapshot that DevTools opens (Memory → Load; compare two to see what grew).
 */
export async function connectInspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const target = targets[0];
  if (!target) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await once(socket, 'open');
  let lastId = 0;
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>();
  const listeners = new Set<(message: Message) => void>();
  socket.addEventListener('message', (event) => {
    const message = JSON.parse(String(event.data)) as Message;
    const { id } = message;
    const waiter = id === undefined ? undefined : pending.get(id);
    if (id === undefined || !waiter) return listeners.forEach((listener) => listener(message));
    pending.delete(id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message);
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<Message>((resolve, reject) => {
      const id = ++lastId;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const memoryUsage = async () => {
    const { result } = await send('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    return JSON.parse((result?.result as { value: string }).value) as MemoryUsage;
  };
  await send('HeapProfiler.enable');

  return {
    memoryUsage,
    async snapshot(file: string): Promise<HeapSnapshot> {
      await send('HeapProfiler.collectGarbage');
      const { result } = await send('Runtime.getHeapUsage');
      const memory = await memoryUsage();
      const out = createWriteStream(file);
      const onChunk = (message: Message) => {
        if (message.method === 'HeapProfiler.addHeapSnapshotChunk') {
          out.write(String(message.params?.chunk));
        }
      };
      listeners.add(onChunk);
      try {
        await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      } finally {
        listeners.delete(onChunk);
        out.end();
        await once(out, 'close');
      }
      return { file, liveHeapBytes: Number(result?.usedSize), memory };
    },
    close: () => socket.close(),
  };
}
