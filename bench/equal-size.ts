import { startConnkit } from './connkit.js';
import { specIndex } from '../src/contract/registry.js';
import { base, fixtures, headlineReads, type Endpoint } from './endpoints.js';
import type { Options } from './options.js';
import { found } from '../src/sim/found.js';

/** connkit answers within this factor of a peer's answer count as the same size. */
export const sameSizeFactor = 1.5;

const probes = new Map<string, number>();

/** An endpoint asking for a page of `limit` through the operation's page-size parameter. */
export const withPageSize = (e: Endpoint, limit?: number): Endpoint => {
  if (limit === undefined) return e;
  const name = pageSizeParam(e);
  if (!name) throw new Error(`${e.operationId} has no page-size parameter`);
  return { ...e, path: `${e.path}${e.path.includes('?') ? '&' : '?'}${name}=${limit}` };
};

/** The operation's page-size query parameter, from the spec (none when the path sets it already). */
function pageSizeParam(e: Endpoint): string | undefined {
  const op = specIndex(e.api).byId.get(e.operationId);
  const p = op?.params.find((x) => x.in === 'query' && ['limit', 'per_page', 'page_size'].includes(x.name));
  return p && !new URLSearchParams(e.path.split('?')[1] ?? '').has(p.name) ? p.name : undefined;
}

/** Body bytes of one endpoint's answer from connkit started with `--size api=n` (kept per api, n and page size). */
async function bytesAt(o: Options, e: Endpoint, n: number, limit?: number): Promise<number> {
  const key = `${e.operationId}:${n}:${limit}`;
  const known = probes.get(key);
  if (known !== undefined) return known;
  const sim = await startConnkit(
    'probe',
    { ...o, profile: new Set() },
    { label: `${e.api}-${n}`, apis: [e.api], size: { [e.api]: n } },
  );
  try {
    // Ids and tokens can depend on the size: the endpoint is rebuilt from this instance's fixtures.
    const same = withPageSize(
      found(
        headlineReads(await fixtures(sim.url)).find((x) => x.operationId === e.operationId),
        `headline read ${e.operationId}`,
      ),
      limit,
    );
    const res = await fetch(sim.url + base(e.api, 'connkit') + same.path, { headers: same.headers });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (res.status !== 200) throw new Error(`probe ${e.operationId} at size ${n}: ${res.status}`);
    probes.set(key, bytes);
    return bytes;
  } finally {
    await sim.stop();
  }
}

const distance = (a: number, b: number) => Math.abs(Math.log(a / b));

/**
 * The `--size` whose answer is nearest a peer's in bytes: doubling until the answer is at least
 * as big, then halving the interval. Answers grow with the size until the page is full, so the
 * search is over a monotone function. Where size 1 is still more than 1.5× too big (a fixture
 * set with a floor of records), the smallest page the operation's page-size parameter gives
 * that fits is asked for instead, and the row says so.
 */
export async function sizeFor(
  o: Options,
  e: Endpoint,
  peerBytes: number,
): Promise<{ size: number; bytes: number; limit?: number }> {
  let lo = 1;
  let loBytes = await bytesAt(o, e, lo);
  if (loBytes > peerBytes * sameSizeFactor && pageSizeParam(e)) {
    let best = { size: 1, bytes: loBytes, limit: undefined as number | undefined };
    for (let limit = 1; limit <= 10; limit++) {
      const bytes = await bytesAt(o, e, 1, limit);
      if (distance(bytes, peerBytes) < distance(best.bytes, peerBytes)) best = { size: 1, bytes, limit };
      if (bytes >= peerBytes) break;
    }
    return best;
  }
  if (loBytes >= peerBytes) return { size: lo, bytes: loBytes };
  let hi = 2;
  let hiBytes = await bytesAt(o, e, hi);
  while (hiBytes < peerBytes && hi < 1 << 12) {
    [lo, loBytes] = [hi, hiBytes];
    hi *= 2;
    hiBytes = await bytesAt(o, e, hi);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const b = await bytesAt(o, e, mid);
    if (b < peerBytes) [lo, loBytes] = [mid, b];
    else [hi, hiBytes] = [mid, b];
  }
  return distance(loBytes, peerBytes) <= distance(hiBytes, peerBytes)
    ? { size: lo, bytes: loBytes }
    : { size: hi, bytes: hiBytes };
}
