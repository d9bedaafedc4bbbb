import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

export const clientTypesFile = new URL('../../client/orders-api.d.ts', import.meta.url);

const banner = `// Generated from the served OpenAPI document by \`npm run client\`; do not edit.
// Use with openapi-fetch: createClient<paths>({ baseUrl: 'http://127.0.0.1:3000' }).
`;

/** TypeScript types for the document (openapi-typescript), as `npm run client` writes them. */
export async function clientTypes(document: unknown): Promise<string> {
  return banner + astToString(await openapiTS(document as OpenAPI3, { alphabetize: false }));
}
