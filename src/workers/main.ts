import { runEntry } from '../entry.js';
import { startWorker } from './server.js';

await runEntry(startWorker, { postgres: 'database', redis: true });
