import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** One HTTP exchange as the server answered it. */
export interface Exchange {
  method: string;
  /** The matched route's pattern (`/api/v1/orders/:id`); undefined when no route matched. */
  route: string | undefined;
  statusCode: number;
  headers: Record<string, unknown>;
  /** The body as sent; undefined when it was a stream (not checked). */
  body: string | undefined;
}

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { headers?: Record<string, Json>; content?: Record<string, Json> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

const documentId = 'openapi.json';
/** Headers this API sets on purpose: one that is sent must be documented on that response. */
const apiHeaderPattern =
  /^(location|etag|retry-after|idempotency-replayed|x-request-id|(x-)?ratelimit-.*)$/;
/** Keywords of the document outside its schemas; Ajv's strict mode rejects unknown ones. */
const openApiKeywords = ['openapi', 'info', 'servers', 'paths', 'components', 'tags', 'security'];

const pointer = (...parts: string[]) =>
  `${documentId}#/${parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;

/**
 * Checks real responses against the served OpenAPI document with Ajv (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses): the status must be documented for the operation, the media type listed,
 * the body valid, required headers present and the API's own headers documented.
 * Routes the document hides (docs, metrics, Bull Board) are not checked.
 */
export function createResponseValidator(document: unknown): (exchange: Exchange) => string[] {
  const { paths } = document as Document;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addVocabulary(openApiKeywords);
  ajv.addSchema(document as Json, documentId);
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate;
  };
  const problems = (validate: ValidateFunction, where: string) =>
    (validate.errors ?? []).map(
      (error) => `${where}${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
    );

  return (exchange) => {
    const method = exchange.method.toLowerCase();
    if (method === 'head' || method === 'options') return [];
    const path = exchange.route?.replace(/:(\w+)/g, '{$1}');
    const operation = path === undefined ? undefined : paths[path]?.[method];
    const label = `${exchange.method} ${path ?? '(no route)'} → ${exchange.statusCode}`;
    const mediaType = String(exchange.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const body = () => {
      try {
        return { value: JSON.parse(exchange.body ?? '') as unknown };
      } catch {
        return undefined;
      }
    };

    if (!operation) {
      // An unknown route is a 404 problem like any other; a hidden route is not ours to check.
      if (exchange.route !== undefined) return [];
      if (exchange.statusCode !== 404 || mediaType !== 'application/problem+json') {
        return [`${label}: an unmatched route must answer 404 application/problem+json`];
      }
      const parsed = body();
      const validate = validatorAt(pointer('components', 'schemas', 'Problem'));
      return parsed && validate(parsed.value) ? [] : [`${label}: not a Problem`];
    }

    const status = String(exchange.statusCode);
    const response = operation.responses[status];
    if (!response) return [`${label}: status ${status} is not documented for this operation`];
    const violations: string[] = [];

    const documentedHeaders = Object.fromEntries(
      Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), header]),
    );
    for (const [name, header] of Object.entries(documentedHeaders)) {
      const value = exchange.headers[name];
      if (value === undefined) {
        if (header.required) violations.push(`${label}: required header ${name} is missing`);
        continue;
      }
      const validate = validatorAt(
        pointer(
          'paths',
          path!,
          method,
          'responses',
          status,
          'headers',
          headerKey(response, name),
          'schema',
        ),
      );
      if (!validate(String(value)))
        violations.push(...problems(validate, `${label}: header ${name}`));
    }
    for (const name of Object.keys(exchange.headers)) {
      if (apiHeaderPattern.test(name) && !documentedHeaders[name]) {
        violations.push(`${label}: header ${name} is sent but not documented`);
      }
    }

    if (!response.content) {
      if (exchange.body) violations.push(`${label}: documented without a body, but one was sent`);
      return violations;
    }
    if (exchange.body === undefined) return violations;
    if (!response.content[mediaType]) {
      const documented = Object.keys(response.content).join(', ');
      return [
        ...violations,
        `${label}: media type "${mediaType}" is not documented (${documented})`,
      ];
    }
    const parsed = body();
    if (!parsed) return [...violations, `${label}: the body is not JSON`];
    const validate = validatorAt(
      pointer('paths', path!, method, 'responses', status, 'content', mediaType, 'schema'),
    );
    if (!validate(parsed.value)) violations.push(...problems(validate, `${label}: body`));
    return violations;
  };
}

function headerKey(response: { headers?: Record<string, Json> }, lowerCaseName: string): string {
  return Object.keys(response.headers ?? {}).find((name) => name.toLowerCase() === lowerCaseName)!;
}
