import { STATUS_CODES } from 'node:http';
import fastifySwagger, {
  type SwaggerTransform,
  type SwaggerTransformObject,
} from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { statusByCode } from './problem.js';
import { problemDescription, responseHeaders, type ResponseHeaderName } from './schemas.js';

export const openApiPath = '/docs/openapi.json';

/**
 * The OpenAPI document is generated from the route schemas, then finished here by rule so
 * that a new route is lint-clean without boilerplate: operationIds, `security: []` on public
 * routes, problem+json media types, response headers, descriptions and unused components.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Orders service',
        version: '1.0.0',
        description:
          'Accounts, a product catalog and orders. Every error is RFC 9457 problem+json with a stable `code`. Contract: docs/API.md.',
        license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
      },
      servers: [{ url: '/', description: 'The server that serves this document' }],
      tags: [
        { name: 'auth', description: 'Accounts, sign-in and token rotation' },
        { name: 'users', description: 'The signed-in user' },
        { name: 'products', description: 'The catalog; changes are for admins' },
        { name: 'orders', description: 'Placing, reading and cancelling orders' },
        { name: 'webhooks', description: 'Webhook endpoints and their delivery logs (admins)' },
        { name: 'operations', description: 'Index, liveness and readiness' },
      ],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: routeTransform,
    transformObject: documentTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get(openApiPath, { schema: { hide: true } }, async () => app.swagger());
}

/** Per route: zod → JSON Schema, an operationId, and public unless the route says otherwise. */
const routeTransform: SwaggerTransform = (input) => {
  const { schema, url } = jsonSchemaTransform(input);
  if (!schema || schema.hide) return { schema, url };
  const { responseHeaders: declared, ...rest } = schema;
  const method = Array.isArray(input.route.method) ? input.route.method[0] : input.route.method;
  return {
    url,
    schema: {
      ...rest,
      operationId: rest.operationId ?? operationIdOf(String(method), url),
      security: rest.security ?? [],
      // Carried as an extension to documentTransform, which removes it.
      ...(declared ? { 'x-response-headers': declared } : {}),
    },
  };
};

/** `POST /api/v1/orders/:id/cancel` → `postOrdersByIdCancel`: unique because method + path is. */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .replace(/^\/api\/v1(?=\/)/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `by-${segment.slice(1)}` : segment))
    .flatMap((segment) => segment.split(/[-_.]/))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return method.toLowerCase() + (words.length ? words.join('') : 'Root');
}

type Json = Record<string, unknown>;
interface Response {
  description?: string;
  headers?: Json;
  content?: Record<string, Json>;
}

const problemRef = '#/components/schemas/Problem';

/** Whole document: finish every response, then drop components nothing refers to. */
const documentTransform: SwaggerTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input) as Json & {
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Json };
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const [method, operation] of Object.entries(pathItem)) {
      addCommonProblems(method, operation);
      const declared = (operation['x-response-headers'] ?? {}) as Record<
        string,
        ResponseHeaderName[]
      >;
      delete operation['x-response-headers'];
      const responses = operation.responses as Record<string, Response>;
      const rateLimited = '429' in responses;
      for (const [status, response] of Object.entries(responses)) {
        finishResponse(Number(status), response, declared[status] ?? [], rateLimited);
      }
    }
  }
  document.components.schemas = usedSchemas(document);
  return document;
};

/**
 * Errors any route of a kind can give, whether or not its schema lists them: any body can be
 * malformed JSON, too large or not JSON; any token can be bad; anything can fail or find a
 * dependency down.
 */
function addCommonProblems(method: string, operation: Json): void {
  const statuses = [500, 503];
  if (method !== 'get') statuses.push(400, 413, 415);
  if ((operation.security as unknown[] | undefined)?.length) statuses.push(401);
  const responses = operation.responses as Record<string, Response>;
  for (const status of statuses) {
    responses[status] ??= { content: { 'application/json': { schema: { $ref: problemRef } } } };
  }
  operation.responses = Object.fromEntries(
    Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
  );
}

function finishResponse(
  status: number,
  response: Response,
  declared: readonly ResponseHeaderName[],
  rateLimited: boolean,
): void {
  const json = response.content?.['application/json'];
  const isProblem = (json?.schema as Json | undefined)?.$ref === problemRef;
  if (response.content && json && isProblem) {
    response.content = { 'application/problem+json': { ...json, example: problemExample(status) } };
  }
  if (!response.description || response.description === 'Default Response') {
    response.description = isProblem ? problemDescription(status) : (STATUS_CODES[status] ?? '');
  }
  const names: ResponseHeaderName[] = ['X-Request-Id', ...declared];
  if (status === 429) names.push('Retry-After');
  if (rateLimited) names.push('RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset');
  const headers: Json = {};
  for (const name of names) headers[name] = responseHeaders[name];
  // A dependency outage says when to retry; a draining server does not.
  if (status === 503)
    headers['Retry-After'] = { ...responseHeaders['Retry-After'], required: false };
  response.headers = { ...response.headers, ...headers };
}

function problemExample(status: number): Json {
  const code = Object.entries(statusByCode).find(([, mapped]) => mapped === status)?.[0];
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    code: code ?? 'INTERNAL',
    detail: 'What went wrong, for people',
    requestId: '3f1d7c1e-5b7a-4d8e-a3a9-6c2b1f0e9d84',
  };
}

/** The component schemas reachable from the paths (zod emits an unused input twin of each). */
function usedSchemas(document: { paths: unknown; components: { schemas: Json } }): Json {
  const schemas = document.components.schemas;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (
        key === '$ref' &&
        typeof value === 'string' &&
        value.startsWith('#/components/schemas/')
      ) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(document.paths);
  return Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
}
