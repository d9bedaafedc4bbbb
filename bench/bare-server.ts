import Fastify from 'fastify';
import pg from 'pg';
import { productByIdSql } from './lib/bench-sql.js';

// The ceiling for GET /products/:id on this machine: Fastify + node-pg, the API's SQL text,
// no plugins, hooks, validation or logging. Started by bench/run.ts.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 8),
});
const app = Fastify();

app.get('/healthz', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/api/v1/products/:id', async (request, reply) => {
  const { rows } = await pool.query(productByIdSql, [request.params.id]);
  if (rows.length === 0) return reply.code(404).send({ code: 'NOT_FOUND' });
  return { product: rows[0] };
});

const close = async () => {
  await app.close();
  await pool.end();
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3100) });
