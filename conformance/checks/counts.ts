import type { Operation, Param } from '../../src/contract/index.js';
import type { VendorName } from '../../src/contract/names.js';
import { vendorModules } from '../../src/sim/vendors/index.js';
import { NotApplicable, type Check, type CheckContext, type Exchange, type RequestParts } from '../types.js';

/** How an API pages a list and where it reports the count. */
interface Counted {
  total: string;
  /** The query of page `n` (from 0) of `size` items. */
  page(n: number, size: number): Record<string, string | number | boolean>;
  /** Query parameters that page or order a list rather than filter it. */
  notFilters: string[];
}

const counted: Partial<Record<VendorName, Counted>> = {
  auth0: {
    total: 'total',
    page: (n, size) => ({ include_totals: true, page: n, per_page: size }),
    notFilters: ['include_totals', 'page', 'per_page', 'fields', 'include_fields', 'from', 'take'],
  },
  mycreditapp: {
    total: 'total_items',
    page: (n, size) => ({ offset: n * size, limit: size }),
    notFilters: ['offset', 'limit', 'order_by', 'order_dir', 'search_field', 'search_text'],
  },
  wingfield: {
    total: 'totalCount',
    page: (n, size) => ({ offset: n * size, limit: size }),
    notFilters: ['offset', 'limit'],
  },
};

const pageSize = 4;
/** Enough pages for any fixture list; a target that never ends a list fails instead of looping. */
const maxPages = 250;

const values = (p: Param): (string | number | boolean)[] => {
  const s = (p.array ? p.schema.items : p.schema) as { enum?: (string | number)[]; type?: string } | undefined;
  if (s?.enum) return s.enum;
  return s?.type === 'boolean' ? [true, false] : [];
};

/** The filters to try one at a time: every value of every enum or boolean query parameter. */
function filters(op: Operation, c: Counted): { label: string; query: Record<string, unknown> }[] {
  const out: { label: string; query: Record<string, unknown> }[] = [];
  for (const p of op.params)
    if (p.in === 'query' && !c.notFilters.includes(p.name))
      for (const v of values(p)) out.push({ label: `${p.name}=${v}`, query: { [p.name]: p.array ? [v] : v } });
  return out;
}

/** The base query with every array filter widened to all its values: the unfiltered list. */
function unfiltered(op: Operation, c: Counted, base: RequestParts): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base.query ?? {})) if (!c.notFilters.includes(k)) query[k] = v;
  for (const p of op.params)
    if (p.in === 'query' && p.array && p.required && values(p).length) query[p.name] = values(p);
  return query;
}

const itemsOf = (body: unknown): unknown[] | undefined =>
  body && typeof body === 'object' ? Object.values(body).find((v): v is unknown[] => Array.isArray(v)) : undefined;

/** Pages through one list; fails at the first page whose count disagrees with what came back. */
async function countList(
  ctx: CheckContext,
  op: Operation,
  c: Counted,
  base: RequestParts,
  query: Record<string, unknown>,
  label: string,
): Promise<void> {
  const seen = new Set<string>();
  let reported: number | undefined;
  let last: Exchange | undefined;
  for (let n = 0; n < maxPages; n++) {
    const ex = await ctx.sendRaw(op.id, {
      ...base,
      query: { ...query, ...c.page(n, pageSize) } as RequestParts['query'],
    });
    last = ex;
    const body = ex.response?.body as Record<string, unknown> | undefined;
    ctx.expect(
      ex.response?.status === 200,
      `${label}, page ${n}: expected 200, got ${ex.response?.status ?? ex.error}`,
      ex,
      op.id,
    );
    const items = itemsOf(body);
    const total = body?.[c.total];
    ctx.expect(
      Array.isArray(items) && typeof total === 'number',
      `${label}, page ${n}: no ${c.total} beside the items`,
      ex,
      op.id,
    );
    // expect has already stopped the check here; this tells the compiler so.
    if (!items || typeof total !== 'number') return;
    ctx.expect(
      reported === undefined || total === reported,
      `${label}: ${c.total} was ${reported} on page 0 and ${String(total)} on page ${n}`,
      ex,
      op.id,
    );
    reported = total;
    for (const item of items) {
      const key = JSON.stringify(item);
      ctx.expect(!seen.has(key), `${label}: an item came twice (page ${n})`, ex, op.id);
      seen.add(key);
    }
    if (items.length < pageSize) break;
  }
  ctx.expect(
    seen.size === reported,
    `${label}: ${c.total} is ${reported}, but the pages hold ${seen.size} items`,
    last,
    op.id,
  );
}

/** Every reported total equals the items the pages hold, unfiltered and under each filter. */
export function countChecks(): Check[] {
  return (Object.entries(counted) as [VendorName, Counted][]).map(([api, c]) => ({
    name: `${vendorModules[api].checkPrefix ?? api}_counts`,
    tier: 'stateful',
    apis: [api],
    sharing: 'read',
    description: `Every ${c.total} equals the items all pages hold (pages of ${pageSize}), without a filter and with each value of each filter.`,
    run: (ctx) =>
      ctx.eachOperation(async (op) => {
        if (
          op.method !== 'get' ||
          !Object.keys(c.page(0, 1)).every((k) => op.params.some((p) => p.in === 'query' && p.name === k))
        )
          throw new NotApplicable();
        const base = ctx.need(ctx.baseline(op.id), `a baseline request for ${op.id}`);
        const all = unfiltered(op, c, base);
        await countList(ctx, op, c, base, all, 'unfiltered');
        for (const f of filters(op, c)) await countList(ctx, op, c, base, { ...all, ...f.query }, f.label);
      }),
  }));
}
