import type { Operation, SpecIndex } from '../../spec/index.js';
import type { ApiModule } from '../module.js';

/** One API as the router serves it: its spec, its module, and the base paths it answers at. */
export interface Mount {
  index: SpecIndex;
  module: ApiModule;
  /** connkit's prefixed base (`/auth0/api/v2`) first, then the vendor's own (`/api/v2`). */
  bases: string[];
}

type Segment = string | { param: string };

interface Route {
  mount: Mount;
  op: Operation;
  segments: Segment[];
  /** Literal segments first: `/connections/repair` wins over `/connections/{id}`. */
  literals: number;
}

export type Match =
  | { kind: 'operation'; mount: Mount; op: Operation; params: Record<string, string> }
  | { kind: 'method'; mount: Mount; allow: string[] }
  | { kind: 'none'; mount?: Mount }
  | { kind: 'bad_encoding'; mount: Mount; op: Operation };

const split = (path: string): string[] => path.split('/').slice(1);

/**
 * Routing precompiled from the specs: every operation at each base path of its API, grouped
 * by segment count, so a request is compared with the few routes of its length only. HEAD
 * is answered as GET; a known path with an unlisted method is told which methods it has.
 */
export class Router {
  private readonly bySize = new Map<number, Route[]>();
  /** Bases to attribute unknown paths to an API, longest first (the empty base attributes nothing). */
  private readonly bases: { base: string; mount: Mount }[] = [];

  constructor(mounts: Mount[]) {
    for (const mount of mounts) {
      for (const base of mount.bases) {
        if (base) this.bases.push({ base, mount });
        for (const op of mount.index.operations) {
          const segments: Segment[] = split(base + op.path).map((s) => {
            const m = /^\{([^}]+)\}$/.exec(s);
            return m ? { param: m[1] } : s;
          });
          const route = { mount, op, segments, literals: segments.filter((s) => typeof s === 'string').length };
          const list = this.bySize.get(segments.length) ?? [];
          list.push(route);
          this.bySize.set(segments.length, list);
        }
      }
    }
    for (const list of this.bySize.values()) list.sort((a, b) => b.literals - a.literals);
    this.bases.sort((a, b) => b.base.length - a.base.length);
  }

  match(method: string, rawPath: string): Match {
    // One trailing slash is forgiven, as Express and most vendor gateways do.
    const path = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
    const parts = split(path);
    const wanted = method === 'HEAD' ? 'get' : method.toLowerCase();
    const allow: string[] = [];
    let pathMount: Mount | undefined;
    for (const route of this.bySize.get(parts.length) ?? []) {
      if (!fits(route.segments, parts)) continue;
      if (route.op.method !== wanted) {
        if (!pathMount || pathMount === route.mount) {
          pathMount = route.mount;
          if (!allow.includes(route.op.method.toUpperCase())) allow.push(route.op.method.toUpperCase());
        }
        continue;
      }
      const params: Record<string, string> = {};
      try {
        route.segments.forEach((s, i) => {
          if (typeof s !== 'string') params[s.param] = decodeURIComponent(parts[i]);
        });
      } catch {
        return { kind: 'bad_encoding', mount: route.mount, op: route.op };
      }
      return { kind: 'operation', mount: route.mount, op: route.op, params };
    }
    if (pathMount) return { kind: 'method', mount: pathMount, allow };
    const owner = this.bases.find(({ base }) => path === base || path.startsWith(base + '/'));
    return { kind: 'none', mount: owner?.mount };
  }
}

function fits(segments: Segment[], parts: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (typeof s === 'string' ? s !== parts[i] : parts[i] === '') return false;
  }
  return true;
}
