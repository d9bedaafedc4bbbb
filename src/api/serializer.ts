import fastJson, { type AnySchema } from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';

/**
 * Writes each response with fast-json-stringify from the JSON Schema of its zod schema, compiled
 * once per route and status, instead of parsing every response with zod. Members the schema does
 * not list are dropped, as zod would; nothing else is checked at run time: the tests check every
 * response against the OpenAPI document instead (test/helpers/app.ts).
 */
export const serializerCompiler: FastifySerializerCompiler<z.ZodType> = ({ schema }) =>
  fastJson(z.toJSONSchema(schema, { io: 'output', target: 'draft-07' }) as AnySchema) as (
    data: unknown,
  ) => string;
