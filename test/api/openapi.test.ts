import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, startHarness } from '../helpers/harness.ts';

type Json = Record<string, any>;

/** The API surface the case-lifecycle issue fixes; each must be documented. */
const LIFECYCLE_PATHS = [
  '/api/v1/calls',
  '/api/v1/calls/{id}/convert',
  '/api/v1/persons',
  '/api/v1/cases',
  '/api/v1/cases/{id}',
  '/api/v1/cases/{id}/transitions',
  '/api/v1/cases/{id}/household',
  '/api/v1/cases/{id}/episodes',
  '/api/v1/cases/{id}/assessments',
  '/api/v1/cases/{id}/plan/items',
  '/api/v1/cases/{id}/plan/items/{itemId}/approve',
  '/api/v1/cases/{id}/plan/items/{itemId}/procure',
  '/api/v1/cases/{id}/plan/items/{itemId}/deliver',
  '/api/v1/cases/{id}/plan/items/{itemId}/cancel',
  '/api/v1/cases/{id}/referrals',
  '/api/v1/referrals/{id}',
  '/api/v1/cases/{id}/followups',
  '/api/v1/cases/{id}/timeline',
  '/api/v1/services',
  '/api/v1/catalogue',
  '/api/v1/me/work',
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
// A well-formed id that names nothing, so a valid example reaches the service and stops there.
const NO_SUCH_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

interface Operation {
  method: string;
  path: string;
  op: Json;
}

describe('OpenAPI document', () => {
  let h: Harness;
  let doc: Json;

  beforeAll(async () => {
    h = await startHarness('pglite');
    const res = await h.anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(async () => {
    await h?.app.close();
    await h?.database.close();
  });

  const operations = (): Operation[] =>
    Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method] as Json })),
    );

  // Follows `$ref`s into components (the type provider moves schemas with a meta id there).
  const resolve = (schema: Json): Json => {
    let s = schema;
    for (let hops = 0; s?.$ref && hops < 10; hops++) {
      const name = String(s.$ref).replace('#/components/schemas/', '');
      s = doc.components?.schemas?.[name];
      expect(s, `unresolved ${schema.$ref}`).toBeDefined();
    }
    return s;
  };

  // The example wherever the generator may have put it: on the media type or on the (resolved) schema.
  const exampleOf = (op: Json): unknown => {
    const media = op.requestBody?.content?.['application/json'];
    if (!media) return undefined;
    if (media.example !== undefined) return media.example;
    const named = Object.values((media.examples ?? {}) as Json)[0] as Json | undefined;
    if (named?.value !== undefined) return named.value;
    const schema = resolve(media.schema ?? {});
    if (schema?.example !== undefined) return schema.example;
    return Array.isArray(schema?.examples) ? schema.examples[0] : undefined;
  };

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  });

  it('lists every path of the case-lifecycle API surface', () => {
    const missing = LIFECYCLE_PATHS.filter((p) => !(p in doc.paths));
    expect(missing).toEqual([]);
  });

  it('gives every operation tags and a description or summary', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(60);
    const bare = ops
      .filter(({ op }) => !(Array.isArray(op.tags) && op.tags.length > 0) || !(op.description || op.summary))
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(bare).toEqual([]);
  });

  it('gives every request body an example', () => {
    const withBody = operations().filter(({ op }) => op.requestBody);
    expect(withBody.length).toBeGreaterThan(30);
    const missing = withBody
      .filter(({ op }) => exampleOf(op) === undefined)
      .map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(missing).toEqual([]);
  });

  it('shows examples the routes themselves accept (never answered 400, never a server error)', async () => {
    const admin: Client = await h.as('admin');
    const refused: string[] = [];
    for (const { method, path, op } of operations().filter(({ op }) => op.requestBody)) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const param = (op.parameters as Json[] | undefined)?.find((p) => p.in === 'path' && p.name === name);
        const schema = resolve(param?.schema ?? {});
        return schema?.enum?.[0] ?? (schema?.format === 'uuid' ? NO_SUCH_ID : 'sewing_equipment');
      });
      const res = await admin.request(method.toUpperCase(), url, exampleOf(op));
      if (res.status === 400 || res.status >= 500) {
        refused.push(
          `${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body?.error?.details ?? res.body)}`,
        );
      }
    }
    expect(refused).toEqual([]);
  });
});
