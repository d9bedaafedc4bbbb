import { runEntry } from '../entry.js';
import { startApi } from './server.js';

await runEntry(startApi, { postgres: 'database' });
