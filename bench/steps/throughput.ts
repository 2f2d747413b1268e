// The four headline reads: connkit at its default size, the bare node:http floor sending
// connkit's exact answer, each peer at its best (and Prism's default logging, labelled), and
// connkit again sized so its answer matches each peer's.
import type { VendorName } from '../../src/contract/names.js';
import type { RecordedAnswer } from '../bare-server.js';
import { connkitFlags, startConnkit } from '../connkit.js';
import { base, fixtures, headlineReads, type Endpoint } from '../endpoints.js';
import { sizeFor, withPageSize } from '../equal-size.js';
import { measure, record } from '../measure.js';
import { bare, readPeers, type Peer } from '../peers.js';
import { ratioLine, rowLine } from '../report.js';
import type { EndpointResult, Ratio, Row } from '../results.js';
import type { Context, Step } from '../step.js';
import { connkitVersion } from '../version.js';
import { found } from '../../src/sim/found.js';

const ratio = (name: string, a: Row, b: Row): Ratio => ({
  name,
  value: Math.round((a.load.rps / b.load.rps) * 100) / 100,
  sizeRatio: Math.round((a.bodyBytes / b.bodyBytes) * 100) / 100,
});

export async function connkitRow(
  ctx: Context,
  e: Endpoint,
  id: string,
  size?: Partial<Record<VendorName, number>>,
  limit?: number,
): Promise<{ row: Row; answer: RecordedAnswer }> {
  const label = size ? `${e.api}-size-${Object.values(size)[0]}` : e.api;
  const sim = await startConnkit('throughput', ctx.o, { label, size });
  try {
    // A sized instance has ids of its own: the endpoint is rebuilt from its fixtures.
    const own = withPageSize(
      size
        ? found(
            headlineReads(await fixtures(sim.url)).find((x) => x.operationId === e.operationId),
            `headline read ${e.operationId}`,
          )
        : e,
      limit,
    );
    const url = sim.url + base(e.api, 'connkit');
    const answer = await record(url + own.path, own, 0);
    const flags = connkitFlags({ size });
    const page = limit === undefined ? '' : `, asking ${own.path.split('?')[1]}`;
    const row = await measure(
      { id, label: `connkit ${flags.join(' ')}${page}`, version: connkitVersion(), flags },
      url,
      own,
      { duration: ctx.o.duration, warmUp: ctx.o.warmUp },
    );
    return { row, answer };
  } finally {
    await sim.stop();
  }
}

export async function peerRow(ctx: Context, peer: Peer, e: Endpoint, answer: RecordedAnswer): Promise<Row> {
  const proc = await peer.start(e.api, answer);
  try {
    return await measure(
      { id: peer.id, label: peer.label, version: peer.version, flags: peer.flags },
      proc.url,
      { ...e, path: peer.path(e) },
      { duration: ctx.o.duration, warmUp: ctx.o.warmUp },
    );
  } finally {
    await proc.stop();
  }
}

const show = (ctx: Context, r: Row) => ctx.log(rowLine(r));

async function endpoint(ctx: Context, e: Endpoint): Promise<EndpointResult> {
  ctx.log(`\n${e.label}  (${e.method} ${e.path.split('?')[0]})`);
  const { row: own, answer } = await connkitRow(ctx, e, 'connkit');
  show(ctx, own);
  const floor = await peerRow(ctx, bare, e, answer);
  show(ctx, floor);
  const rows: Row[] = [own, floor];
  const ratios: Ratio[] = [ratio('connkit / bare node:http (default size)', own, floor)];
  const equalSizes: EndpointResult['equalSizes'] = {};
  const sized = new Map<string, Row>();
  for (const peer of readPeers(ctx.o.quick)) {
    const row = await peerRow(ctx, peer, e, answer);
    show(ctx, row);
    rows.push(row);
    const { size, limit } = await sizeFor(ctx.o, e, row.bodyBytes);
    const key = `size=${size}${limit === undefined ? '' : `,limit=${limit}`}`;
    let match = sized.get(key);
    if (!match) {
      match = (await connkitRow(ctx, e, `connkit@${key}`, { [e.api]: size }, limit)).row;
      show(ctx, match);
      sized.set(key, match);
      rows.push(match);
    }
    equalSizes[peer.id] = {
      size,
      ...(limit === undefined ? {} : { limit }),
      connkitBytes: match.bodyBytes,
      peerBytes: row.bodyBytes,
    };
    ratios.push(
      ratio(`connkit / ${peer.id} (equal size: ${key})`, match, row),
      ratio(`connkit / ${peer.id} (connkit default size)`, own, row),
    );
  }
  for (const r of ratios) ctx.log(ratioLine(r));
  return { api: e.api, operationId: e.operationId, label: e.label, method: e.method, rows, ratios, equalSizes };
}

export const throughput: Step = async (ctx) => {
  ctx.results.throughput = [];
  for (const e of headlineReads(ctx.fx).filter((x) => ctx.o.apis.includes(x.api)))
    ctx.results.throughput.push(await endpoint(ctx, e));
};
