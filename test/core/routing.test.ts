import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../src/sim/core.js';
import { httpMethods } from '../../src/contract/index.js';
import { specIndex } from '../../src/contract/registry.js';
import { errorSchemaPointer, vendorNames } from '../../src/contract/names.js';

const sim = createSimulator({ validateResponses: true });
const origin = 'http://127.0.0.1:4010';
const call = (method: string, path: string) => sim.handle(new Request(origin + path, { method }));
// Any non-empty value reaches the route; authentication answers before the value is checked.
const fill = (path: string) => path.replace(/\{[^}]+\}/g, 'x1');

describe.each([...vendorNames])('%s', (api) => {
  const index = specIndex(api);

  it.each(index.operations.map((op) => [op.id, op] as const))(
    '%s answers at its vendor-true path as at its prefixed one',
    async (id, op) => {
      const prefixed = await call(op.method.toUpperCase(), fill(index.prefix + index.basePath + op.path));
      const prefixedEntry = sim.journal.list(1)[0];
      const vendor = await call(op.method.toUpperCase(), fill(index.basePath + op.path));
      const vendorEntry = sim.journal.list(1)[0];
      expect(prefixedEntry.operationId).toBe(id);
      expect(vendorEntry.operationId).toBe(id);
      expect(vendor.status).toBe(prefixed.status);
      expect(await vendor.text()).toBe(await prefixed.text());
    },
  );

  const paths = Object.entries(index.doc.paths as Record<string, Record<string, unknown>>);
  const methodsOf = (item: Record<string, unknown>) => httpMethods.filter((m) => item[m]).map((m) => m.toUpperCase());
  const unlisted = paths.flatMap(([path, item]) => {
    const listed = methodsOf(item);
    return httpMethods
      .map((m) => m.toUpperCase())
      .filter((m) => !listed.includes(m))
      .map((m) => [m, path, listed] as const);
  });

  it.each(unlisted)(
    '%s %s answers 405 naming the documented methods, in the vendor envelope',
    async (method, path, listed) => {
      for (const base of [index.prefix + index.basePath, index.basePath]) {
        const res = await call(method, fill(base + path));
        expect(res.status).toBe(405);
        expect(res.headers.get('allow')?.split(', ').sort()).toEqual([...listed].sort());
        expect(index.schemaValidator(errorSchemaPointer(index.name))(await res.json())).toBe(true);
      }
    },
  );

  // A path with a literal where another has a parameter (`/connections/repair` and
  // `/connections/{id}`) is its own: the other's methods answer 405 with exactly its own
  // methods there, never the other's operation (`GET /connections/repair` is no lookup of id
  // "repair").
  const fits = (template: string, path: string) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path);
  const shadowed = paths.flatMap(([path, item]) =>
    paths
      .filter(([other]) => other !== path && fits(other, fill(path)))
      .flatMap(([other, otherItem]) =>
        methodsOf(otherItem)
          .filter((m) => !methodsOf(item).includes(m))
          .map((m) => [m, path, other, methodsOf(item)] as const),
      ),
  );

  it.each(shadowed)('%s %s answers 405 with its own methods, not as %s', async (method, path, _other, listed) => {
    for (const base of [index.prefix + index.basePath, index.basePath]) {
      const res = await call(method, fill(base + path));
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')?.split(', ').sort()).toEqual([...listed].sort());
      expect(sim.journal.list(1)[0].operationId).toBeUndefined();
    }
  });
});

describe('the routes', () => {
  it('give a literal segment its own path: GET and PUT /leadconduit/connections/repair are 405, Allow: POST', async () => {
    for (const method of ['GET', 'PUT']) {
      const res = await call(method, '/leadconduit/connections/repair');
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
  });

  it('of different vendors never collide: every operation is found at its own vendor-true path', () => {
    const seen = new Map<string, string>();
    for (const api of vendorNames)
      for (const op of specIndex(api).operations) {
        const key = `${op.method} ${specIndex(api).basePath}${op.path.replace(/\{[^}]+\}/g, '{}')}`;
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, api);
      }
  });

  it('follow --api: an API not served answers neither at its prefix nor at its vendor path', async () => {
    const only = createSimulator({ apis: ['auth0'] });
    const wf = specIndex('wingfield');
    for (const base of [wf.prefix + wf.basePath, wf.basePath]) {
      const res = await only.handle(new Request(`${origin}${base}/external-services/x/organizations`));
      expect(res.status).toBe(404);
      expect((await res.json()).apis).toEqual(['/auth0/api/v2']);
    }
  });
});
