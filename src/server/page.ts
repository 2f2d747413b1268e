import express, { type Request, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { SpecIndex } from '../spec/index.js';
import { readSpec } from '../spec/load.js';
import type { World } from '../sim/world.js';

/** Where `npm run build` (scripts/build-page.mjs) puts the page: HTML, bundle, CSS, Swagger UI. */
export const pageDir = join(packageRoot, 'dist', 'page');

const origin = (req: Request) => `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;

/**
 * The https origin beside the http one, when the server also listens with TLS: the door
 * records its port in `app.locals.tlsPort` once it listens.
 */
function tlsOrigin(req: Request): string | undefined {
  const port = req.app.locals.tlsPort as number | undefined;
  if (!port || req.protocol === 'https') return undefined;
  const host = (req.headers.host ?? '127.0.0.1').replace(/:\d+$/, '');
  return `https://${host}:${port}`;
}

function urls(req: Request, index: SpecIndex) {
  const tls = tlsOrigin(req);
  if (index.name === 'control') return { base_url: `${origin(req)}/__control`, vendor_url: undefined };
  return {
    base_url: `${origin(req)}${index.prefix}${index.basePath}`,
    vendor_url: `${origin(req)}${index.basePath || ''}`,
    https_url: tls && `${tls}${index.prefix}${index.basePath}`,
    https_vendor_url: tls && `${tls}${index.basePath || ''}`,
  };
}

/**
 * The page's own endpoints: `/` as HTML for browsers (API clients keep the JSON index, which
 * comes after this router), the built assets under /__page/, and two views the control API
 * has no business holding: a ready curl per API and each spec aimed at this simulator.
 */
/** Required parameters "try it" fills in, per API, from the default session's fixtures. */
function tryItValues(api: string, f: any): Record<string, unknown> {
  switch (api) {
    case 'leadconduit':
      return { id: f.connections?.completed?.[0]?.id };
    case 'auth0':
      return { id: f.organizations?.main?.id, connection_id: f.organizations?.main?.connection_ids?.[0], connectionId: f.organizations?.main?.connection_ids?.[0] };
    case 'mycreditapp': {
      const guest = f.organizations?.guest;
      return { 'Requester-Organization-ID': guest?.id, 'Target-Organization-ID': guest?.id, guest_org_id: guest?.id, host_org_id: guest?.host_ids?.[0], statuses: 'connected', limit: 10, offset: 0 };
    }
    case 'wingfield':
      return { externalServiceId: f.external_service_id, organizationId: f.organizations?.related?.[0]?.id, userId: f.users?.[0] };
    default:
      return {};
  }
}

/** Sets `example` on every parameter named in `values` (Swagger UI puts it in the "try it" field). */
function withExamples(spec: any, values: Record<string, unknown>): void {
  const fill = (p: any) => {
    const v = values[p?.name];
    if (!p || p.$ref || v === undefined || p.example !== undefined || p.examples !== undefined) return;
    p.example = p.schema?.type === 'array' ? [v] : v;
  };
  for (const p of Object.values(spec.components?.parameters ?? {})) fill(p);
  for (const item of Object.values(spec.paths ?? {}) as any[]) {
    for (const p of item.parameters ?? []) fill(p);
    for (const op of Object.values(item) as any[]) if (op && typeof op === 'object' && Array.isArray(op.parameters)) op.parameters.forEach(fill);
  }
}

export function pageRouter(input: { world: World; served: SpecIndex[]; control: SpecIndex }): Router {
  const { world, served, control } = input;
  const router = express.Router({ caseSensitive: true, strict: true });

  router.get('/', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    const html = join(pageDir, 'index.html');
    if (!existsSync(html)) return void res.status(503).type('text/plain').send('connkit: the page is not built; run `npm run build`');
    res.set('Cache-Control', 'no-store').sendFile(html);
  });

  router.use('/__page/assets', express.static(pageDir, { index: false, fallthrough: false, maxAge: 0 }));

  router.get('/__page/examples', (req, res) => {
    const session = world.session(String(req.headers['x-connkit-session'] ?? '') || undefined);
    res.json({
      session: session.name,
      apis: served.map((index) => {
        const u = urls(req, index);
        const mod = world.modules.get(index.name);
        return { name: index.name, title: index.title, ...u, spec_url: `/__page/specs/${index.name}.json`, curl: mod?.exampleCurl?.(session.state(index.name), u.base_url) };
      }),
      control: { ...urls(req, control), spec_url: '/__page/specs/control.json' },
    });
  });

  router.get('/__page/specs/:name.json', (req, res) => {
    const index = [...served, control].find((s) => s.name === req.params.name);
    if (!index) return void res.status(404).json({ error: { code: 'not_found', message: `no spec ${req.params.name}` } });
    const u = urls(req, index);
    // "Try it" must reach this simulator, not the vendor's production host.
    const servers = [{ url: u.base_url, description: 'this simulator' }];
    if (u.vendor_url && u.vendor_url !== u.base_url) servers.push({ url: u.vendor_url, description: "this simulator, at the vendor's own path" });
    const spec: any = { ...structuredClone(readSpec(index.name)), servers };
    const mod = world.modules.get(index.name);
    if (mod?.fixtures) withExamples(spec, tryItValues(index.name, mod.fixtures(world.session().state(index.name), u.base_url)));
    res.json(spec);
  });
  return router;
}
