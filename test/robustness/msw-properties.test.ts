import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchemaPointer, vendorNames, type VendorName } from '../../src/contract/names.js';
import { specIndex } from '../../src/contract/registry.js';
import { handlers, vendorBaseUrls } from '../../src/msw/index.js';
import { createSimulator } from '../../src/sim/core.js';

/**
 * The MSW door answers a vendor's real host as that host would: a path the vendor does not
 * have there (connkit's control API and page, an API under its connkit prefix, another
 * vendor's base path) is that vendor's own not-found, never another API's answer, the
 * fixtures or a reset.
 */
const sim = createSimulator();
const server = setupServer(...handlers(sim));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const hostOf = (v: VendorName) => new URL(vendorBaseUrls[v].replace('{tenantDomain}', 'acme.us.auth0.com')).origin;
const baseOf = (v: VendorName) => specIndex(v).basePath;

/** Paths below a vendor's host that belong to something else than that vendor. */
const foreignPaths = (v: VendorName): string[] => [
  '/',
  '/__control/fixtures',
  '/__control/reset',
  '/__control/state',
  '/__page/examples',
  '/__specs/control.yaml',
  `${baseOf(v)}/%5F%5Fcontrol/fixtures`.replace(/^\/\//, '/'),
  ...vendorNames.flatMap((other) => {
    const index = specIndex(other);
    const op = index.operations[0];
    const path = op ? op.path.replace(/\{[^}]+\}/g, 'x') : '';
    return [
      `${index.prefix}${index.basePath}${path}`,
      // Another vendor's vendor-true path, where it lies within this vendor's base path.
      ...(other !== v && baseOf(v) === '' ? [`${index.basePath}${path}`] : []),
    ];
  }),
];

const state = async () => (await sim.handle(new Request('http://127.0.0.1/__control/state'))).text();

describe('the MSW door on a vendor host', () => {
  it('answers what is not the vendor’s in the vendor’s own not-found, changing nothing', async () => {
    const before = await state();
    const cases = fc.constantFrom(...vendorNames).chain((v) =>
      fc.record({
        v: fc.constant(v),
        path: fc.constantFrom(...foreignPaths(v)),
        method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ v, path, method }) => {
        // Below the vendor's base path where the host has one: `https://dev.wingfield.systems/api/v1/…`.
        const url = `${hostOf(v)}${baseOf(v) !== '' && !path.startsWith(baseOf(v)) ? baseOf(v) : ''}${path}`;
        const res = await fetch(url, {
          method,
          headers: { 'Content-Type': 'application/json' },
          body: method === 'GET' ? undefined : '{"seed":7}',
        });
        const text = await res.text();
        const what = `${method} ${url} → ${res.status} ${text.slice(0, 200)}`;
        expect([404, 405], what).toContain(res.status);
        expect(specIndex(v).schemaValidator(errorSchemaPointer(v))(JSON.parse(text)), what).toBe(true);
      }),
      { numRuns: 120, seed: 20261202 },
    );
    expect(await state()).toBe(before);
  });
});
