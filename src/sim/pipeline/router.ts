import type { Operation, SpecIndex } from '../../contract/index.js';
import type { ApiModule } from '../module.js';

/** One API as the router serves it: its spec, its module, and the base paths it answers at. */
export interface Mount {
  index: SpecIndex;
  module: ApiModule;
  /** connkit's prefixed base (`/auth0/api/v2`) first, then the vendor's own (`/api/v2`). */
  bases: string[];
}

type Segment = string | { param: string };

/** One path of a spec at one base: the operations it lists, by method. */
interface PathRoute {
  mount: Mount;
  segments: Segment[];
  ops: Map<string, Operation>;
  /** The methods it lists, upper case, in the spec's order: a 405's `Allow`. */
  allow: string[];
}

export type Match =
  | { kind: 'operation'; mount: Mount; op: Operation; params: Record<string, string> }
  | { kind: 'method'; mount: Mount; allow: string[] }
  /** Under an API's base, but no path of its spec. */
  | { kind: 'unknown_path'; mount: Mount }
  /** Under no API's base at all. */
  | { kind: 'no_api' }
  | { kind: 'bad_encoding'; mount: Mount; op: Operation };

const split = (path: string): string[] => path.split('/').slice(1);

/** Paths whose match is kept (see `Router.seen`). */
const maxSeen = 1000;
const maxSeenPath = 512;

/**
 * The more specific path first: more literal segments, then the earlier literal
 * (`/connections/repair` before `/connections/{id}`; `/a/b/{x}` before `/a/{x}/c`).
 */
function bySpecificity(a: PathRoute, b: PathRoute): number {
  const literals = (r: PathRoute) => r.segments.filter((s) => typeof s === 'string').length;
  if (literals(a) !== literals(b)) return literals(b) - literals(a);
  for (let i = 0; i < a.segments.length; i++) {
    const la = typeof a.segments[i] === 'string';
    const lb = typeof b.segments[i] === 'string';
    if (la !== lb) return la ? -1 : 1;
  }
  return 0;
}

/**
 * Routing precompiled from the specs: every path at each base path of its API, grouped by
 * segment count, so a request is compared with the few paths of its length only. A request
 * belongs to the most specific path it fits, and to that path alone: a method it does not
 * list answers 405 with exactly its own methods (`GET /connections/repair` is not a
 * `GET /connections/{id}`, whatever the id pattern would allow). HEAD is answered as GET.
 */
export class Router {
  private readonly bySize = new Map<number, PathRoute[]>();
  /** Bases to attribute unknown paths to an API, longest first (the empty base attributes nothing). */
  private readonly bases: { base: string; mount: Mount }[] = [];

  constructor(mounts: Mount[]) {
    for (const mount of mounts) {
      for (const base of mount.bases) {
        if (base) this.bases.push({ base, mount });
        const paths = new Map<string, PathRoute>();
        for (const op of mount.index.operations) {
          let route = paths.get(op.path);
          if (!route) {
            const segments: Segment[] = split(base + op.path).map((s) => {
              const m = /^\{([^}]+)\}$/.exec(s);
              return m ? { param: m[1] } : s;
            });
            route = { mount, segments, ops: new Map(), allow: [] };
            paths.set(op.path, route);
            const list = this.bySize.get(segments.length) ?? [];
            list.push(route);
            this.bySize.set(segments.length, list);
          }
          route.ops.set(op.method, op);
          route.allow.push(op.method.toUpperCase());
        }
      }
    }
    for (const list of this.bySize.values()) list.sort(bySpecificity);
    this.bases.sort((a, b) => b.base.length - a.base.length);
  }

  /**
   * The matches of paths seen lately: clients ask the same few paths again and again, and a
   * match is pure over the method and the path. Bounded, as the answer cache is: past it, it
   * starts over. A kept match's parameters are frozen, since every request of that path shares them.
   */
  private readonly seen = new Map<string, Match>();

  match(method: string, rawPath: string): Match {
    // A long path is matched afresh: kept, a thousand of them would hold megabytes.
    if (rawPath.length > maxSeenPath) return this.find(method, rawPath);
    const key = `${method} ${rawPath}`;
    let m = this.seen.get(key);
    if (m === undefined) {
      m = this.find(method, rawPath);
      if (m.kind === 'operation') Object.freeze(m.params);
      if (this.seen.size >= maxSeen) this.seen.clear();
      this.seen.set(key, m);
    }
    return m;
  }

  private find(method: string, rawPath: string): Match {
    // One trailing slash is forgiven, as Express and most vendor gateways do.
    const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    const parts = split(path);
    const route = this.bySize.get(parts.length)?.find((r) => fits(r.segments, parts));
    if (route) {
      const op = route.ops.get(method === 'HEAD' ? 'get' : method.toLowerCase());
      if (!op) return { kind: 'method', mount: route.mount, allow: route.allow };
      const params: Record<string, string> = {};
      try {
        route.segments.forEach((s, i) => {
          if (typeof s !== 'string') params[s.param] = decodeURIComponent(parts[i]);
        });
      } catch {
        return { kind: 'bad_encoding', mount: route.mount, op };
      }
      return { kind: 'operation', mount: route.mount, op, params };
    }
    const owner = this.bases.find(({ base }) => path === base || path.startsWith(base + '/'));
    return owner ? { kind: 'unknown_path', mount: owner.mount } : { kind: 'no_api' };
  }
}

function fits(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (typeof s === 'string' ? s !== parts[i] : parts[i] === '') return false;
  }
  return true;
}
