// MyCreditApp at 1 M connections per side (10 k with --quick): start, the first sort by each
// field not used yet, then the first page, a deep page (offset 90 %), a search, each timed one
// request at a time. Each request differs from the one before (limit 50..99, another needle):
// a repeated URL would be answered from a cache and time nothing.
import { startConnkit, connkitFlags } from '../connkit.js';
import { base, headlineReads } from '../endpoints.js';
import { round, timed } from '../load.js';
import type { Timing } from '../results.js';
import { snapshotTrip } from '../snapshot-trip.js';
import type { Context, Step } from '../step.js';
import { found } from '../../src/sim/found.js';

const newSortFields = ['host_email', 'updated_at', 'owner_email'];

/**
 * Writes, each followed by the list in an order already made: each PATCH disconnects one more
 * of the page's hosts (a change to status and updated_at, the order's own field), and only the
 * read after it is timed.
 */
async function afterWrites(list: string, one: (id: string) => string, h: Record<string, string>, ids: string[]) {
  const times: number[] = [];
  let status = 0;
  for (const [i, id] of ids.entries()) {
    const patch = await fetch(one(id), {
      method: 'PATCH',
      headers: { ...h, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'disconnected' }),
    });
    await patch.arrayBuffer();
    if (patch.status !== 200) throw new Error(`write: ${patch.status}`);
    const t = performance.now();
    const res = await fetch(`${list}&order_by=updated_at&order_dir=desc&limit=${50 + i}&offset=0`, { headers: h });
    await res.arrayBuffer();
    times.push(performance.now() - t);
    status = Math.max(status, res.status);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => round(times[Math.min(times.length - 1, Math.floor(p * times.length))]);
  return { p50: q(0.5), p99: q(0.99), max: round(times[times.length - 1]), status } satisfies Timing;
}

async function baseRss(ctx: Context): Promise<number> {
  const sim = await startConnkit(
    'scale',
    { ...ctx.o, profile: new Set() },
    { label: 'base', ready: headlineReads(ctx.fx) },
  );
  const rss = sim.rss();
  await sim.stop();
  return rss;
}

export const scale: Step = async (ctx) => {
  const perSide = ctx.o.quick ? 10_000 : 1_000_000;
  const size = { mycreditapp: perSide };
  ctx.log(`\nscale: MyCreditApp, ${perSide} connections per side (${perSide * 2} in all)`);
  const baseRssBytes = await baseRss(ctx);
  // Ready is the first 200 of the headline list, with the default instance's credentials: the
  // guest is the first organization made from the seed, whatever the size.
  const mca = found(
    headlineReads(ctx.fx).find((e) => e.api === 'mycreditapp'),
    'MyCreditApp headline read',
  );
  const sim = await startConnkit('scale', ctx.o, {
    label: `mycreditapp-${perSide}`,
    size,
    ready: [mca],
    timeoutMs: 600_000,
  });
  try {
    const startMs = round(sim.startMs);
    const h = mca.headers;
    const list = `${sim.url}${base('mycreditapp', 'connkit')}/host-connections?statuses=connected`;
    // The first page once the server is ready, on its own: the issue's ≤ 20 ms is for this one.
    const firstAt = performance.now();
    const first = await fetch(`${list}&limit=50&offset=0`, { headers: h });
    const firstBody = await first.text();
    const firstPageAfterStartMs = round(performance.now() - firstAt);
    if (first.status !== 200) throw new Error(`first page: ${first.status} ${firstBody}`);
    const page = JSON.parse(firstBody) as {
      total_items: number;
      items: { host_name: string; host_organization_id: string }[];
    };

    const newSortMs: Record<string, number> = {};
    for (const field of newSortFields)
      newSortMs[field] = (await timed(() => `${list}&order_by=${field}&order_dir=desc&limit=50&offset=0`, h, 1)).max;

    const needles = page.items
      .map((i) =>
        i.host_name
          .toLowerCase()
          .replace(/[^a-z]/g, '')
          .slice(1, 5),
      )
      .filter((n) => n.length === 4);
    const limit = (i: number) => 50 + (i % 50);
    const n = ctx.o.quick ? 100 : 300;
    const firstPage = await timed((i) => `${list}&limit=${limit(i)}&offset=0`, h, n);
    const deepPage = await timed(
      (i) => `${list}&limit=${limit(i)}&offset=${Math.floor(page.total_items * 0.9)}`,
      h,
      n / 2,
    );
    const search = await timed(
      (i) => `${list}&search_text=${encodeURIComponent(needles[i % needles.length])}&limit=${limit(i)}&offset=0`,
      h,
      n / 2,
    );
    const afterWrite = await afterWrites(
      list,
      (id) => `${sim.url}${base('mycreditapp', 'connkit')}/host-connections/${id}`,
      h,
      page.items.slice(0, 20).map((i) => i.host_organization_id),
    );
    const rssBytes = sim.rss();
    const snapshot = await snapshotTrip(sim.url);
    ctx.results.scale = {
      perSide,
      connections: perSide * 2,
      command: `node dist/src/cli.cjs ${connkitFlags({ size }).join(' ')}`,
      startMs,
      newSortMs,
      firstPageAfterStartMs,
      firstPage,
      deepPage,
      search,
      afterWrite,
      rssBytes,
      baseRssBytes,
      rssBytesPerConnection: Math.round((rssBytes - baseRssBytes) / (perSide * 2)),
      snapshot,
    };
    const s = ctx.results.scale;
    ctx.log(
      `  start to first page ${s.startMs} ms; first page after start ${firstPageAfterStartMs} ms; first sort by ${Object.entries(
        newSortMs,
      )
        .map(([f, ms]) => `${f} ${ms} ms`)
        .join(', ')}`,
    );
    ctx.log(
      `  p50 / p99: first page ${firstPage.p50} / ${firstPage.p99} ms, deep page ${deepPage.p50} / ${deepPage.p99} ms, search ${search.p50} / ${search.p99} ms, sorted read after a write ${afterWrite.p50} / ${afterWrite.p99} ms`,
    );
    ctx.log(
      `  snapshot (NDJSON, streamed) ${(snapshot.bytes / 1e6).toFixed(0)} MB: export ${snapshot.exportMs} ms, import ${snapshot.importMs} ms, ${snapshot.sameBytes ? 'the same bytes back' : 'DIFFERENT bytes back'}`,
    );
    ctx.log(
      `  RSS ${(rssBytes / 1e6).toFixed(0)} MB (${(baseRssBytes / 1e6).toFixed(0)} MB at the default size): ${s.rssBytesPerConnection} B per connection`,
    );
  } finally {
    await sim.stop();
  }
};
