import express, { type Request, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';
import type { SpecIndex } from '../contract/index.js';
import { readFullSpec } from '../contract/full-spec.js';
import type { Simulator } from '../sim/core.js';
import { isApiError } from '../sim/errors.js';
import type { Session } from '../sim/session.js';

/** Where `npm run build` (scripts/build-page.mjs) puts the page: HTML, bundle, CSS, Swagger UI. */
export const pageDir = join(packageRoot, 'dist', 'page');

const origin = (req: Request) => `${req.protocol}://${req.headers.host ?? '127.0.0.1'}`;

/** The https origin beside the http one, when the server also listens with TLS. */
function tlsOrigin(req: Request, tlsPort: number | undefined): string | undefined {
  if (!tlsPort || req.protocol === 'https') return undefined;
  const host = (req.headers.host ?? '127.0.0.1').replace(/:\d+$/, '');
  return `https://${host}:${tlsPort}`;
}

function urls(req: Request, index: SpecIndex, tlsPort: number | undefined) {
  const tls = tlsOrigin(req, tlsPort);
  if (index.name === 'control') return { base_url: `${origin(req)}/__control`, vendor_url: undefined };
  return {
    base_url: `${origin(req)}${index.prefix}${index.basePath}`,
    vendor_url: `${origin(req)}${index.basePath || ''}`,
    https_url: tls && `${tls}${index.prefix}${index.basePath}`,
    https_vendor_url: tls && `${tls}${index.basePath || ''}`,
  };
}

/** Sets `example` on every parameter named in `values` (Swagger UI puts it in the "try it" field). */
function withExamples(spec: JsonObject, values: Record<string, unknown>): void {
  const fill = (p: unknown) => {
    if (!isObject(p)) return;
    const v = values[String(p.name)];
    if (p.$ref || v === undefined || p.example !== undefined || p.examples !== undefined) return;
    p.example = isObject(p.schema) && p.schema.type === 'array' ? [v] : v;
  };
  const parameters =
    isObject(spec.components) && isObject(spec.components.parameters) ? spec.components.parameters : {};
  for (const p of Object.values(parameters)) fill(p);
  for (const item of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    if (!isObject(item)) continue;
    if (Array.isArray(item.parameters)) for (const p of item.parameters) fill(p);
    for (const op of Object.values(item)) if (isObject(op) && Array.isArray(op.parameters)) op.parameters.forEach(fill);
  }
}

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null;

/**
 * The page's own endpoints: `/` as HTML for browsers (API clients keep the JSON index, which
 * comes after this router), the built assets under /__page/, and two views the control API
 * has no business holding: a ready curl per API and each spec aimed at this simulator, its
 * "try it" filled in and signed in from the vendor modules' `docs`. Sessions are the core's,
 * by the rule every request follows.
 */
export function pageRouter(input: { sim: Simulator; control: SpecIndex; tlsPort: () => number | undefined }): Router {
  const { sim, control } = input;
  const served = sim.served;
  const router = express.Router({ caseSensitive: true, strict: true });

  router.get('/', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    const html = join(pageDir, 'index.html');
    if (!existsSync(html))
      return void res.status(503).type('text/plain').send('connkit: the page is not built; run `npm run build`');
    res.set('Cache-Control', 'no-store').sendFile(html);
  });

  router.use('/__page/assets', express.static(pageDir, { index: false, fallthrough: false, maxAge: 0 }));

  router.get('/__page/examples', (req, res) => {
    let session: Session;
    try {
      session = sim.session(
        req.headers['x-connkit-session'] === undefined ? undefined : String(req.headers['x-connkit-session']),
      );
    } catch (e) {
      if (!isApiError(e)) throw e;
      return void res.status(400).json({ error: { code: 'invalid_request', message: e.message } });
    }
    const tlsPort = input.tlsPort();
    res.json({
      session: session.name,
      apis: served.map((index) => {
        const u = urls(req, index, tlsPort);
        const mod = sim.modules.get(index.name);
        const state = session.state(index.name);
        const docs = mod?.docs?.(state);
        return {
          name: index.name,
          title: index.title,
          ...u,
          spec_url: `/__page/specs/${index.name}.json`,
          curl: mod?.exampleCurl?.(state, u.base_url),
          sign_in: docs?.signIn,
          extra: docs?.extra,
        };
      }),
      control: { ...urls(req, control, tlsPort), spec_url: '/__page/specs/control.json' },
    });
  });

  router.get('/__page/specs/:name.json', (req, res) => {
    const index = [...served, control].find((s) => s.name === req.params.name);
    if (!index)
      return void res.status(404).json({ error: { code: 'not_found', message: `no spec ${req.params.name}` } });
    const u = urls(req, index, input.tlsPort());
    // "Try it" must reach this simulator, not the vendor's production host.
    const servers = [{ url: u.base_url, description: 'this simulator' }];
    if (u.vendor_url && u.vendor_url !== u.base_url)
      servers.push({ url: u.vendor_url, description: "this simulator, at the vendor's own path" });
    const spec: JsonObject = { ...readFullSpec(index.name), servers };
    const docs = sim.modules.get(index.name)?.docs?.(sim.session().state(index.name));
    if (docs) withExamples(spec, docs.tryIt);
    res.json(spec);
  });
  return router;
}
