import type { operations } from '../../generated/control.js';
import type { SpecIndex } from '../../spec/index.js';
import { ApiError } from '../errors.js';
import type { RequestContext, TypedHandlers } from '../module.js';
import { normalizeScenario, scenarioCatalog } from '../scenarios/catalog.js';
import type { SessionSnapshot } from '../session.js';
import { isVendorName, type VendorName } from '../../spec/names.js';
import { mintProviderState } from './provider-states.js';
import { checkSnapshot } from '../snapshot/import.js';
import { browseState, stateCollections } from '../vendors/browse.js';
import { recordEdits } from '../vendors/edits.js';
import { applyPreset, editsOf, putRecord } from './records.js';

type Ctx = RequestContext<undefined, undefined>;

const active = (ctx: Ctx) => ({ active: ctx.session.scenarios.map((s) => ({ name: s.name, apis: s.apis ?? [], params: (s.params ?? {}) as Record<string, number> })) });

/** The prefixed base URL of an API as the caller reached this simulator (origin of the request). */
function baseUrl(ctx: Ctx, index: SpecIndex): string {
  return `${ctx.req.origin}${index.prefix}${index.basePath}`;
}

/** The session's record of one API that an edit or a preset acts on (the API must be served). */
function editTarget(ctx: Ctx, path: { api: VendorName; collection: string; id: string }) {
  const factory = ctx.world.modules.get(path.api)?.state;
  if (!factory) throw new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${path.api} is not served (see --api)` });
  return { session: ctx.session, api: path.api, collection: path.collection, id: path.id, factory, edits: recordEdits[path.api] };
}

/** The control API over the world; `served` are the APIs this simulator mounts. */
export function controlHandlers(served: SpecIndex[], instance: string | (() => string) = 'in-process'): TypedHandlers<operations, undefined, undefined> {
  const vendorFixture = (ctx: Ctx) => {
    for (const index of served) {
      const mod = ctx.world.modules.get(index.name);
      const create = mod?.controlFixtures?.[ctx.op.id];
      if (create) return create(ctx.session.state(index.name), ctx.body ?? {});
    }
    throw new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${ctx.op.id}: the API it belongs to is not served (see --api)` });
  };

  return {
    health: (ctx) => ({ status: 200, body: { status: 'ok', seed: ctx.session.seed, apis: served.map((s) => s.name).filter(isVendorName), sessions: ctx.world.sessionNames().length } }),

    reset: (ctx) => {
      const seed = ctx.body?.seed;
      const s = ctx.world.reset(ctx.session.name, seed);
      return { status: 200, body: { session: s.name, seed: s.seed } };
    },

    listScenarios: (ctx) => ({
      status: 200,
      body: {
        catalog: scenarioCatalog.map((d) => ({ name: d.name, description: d.description, apis: d.apis, params: d.params })),
        ...active(ctx),
      },
    }),

    clearScenarios: (ctx) => {
      ctx.session.scenarios = [];
      ctx.session.counters.clear();
      return { status: 200, body: { active: [] } };
    },

    activateScenario: (ctx) => {
      const input = ctx.body ?? {};
      let scenario;
      try {
        scenario = normalizeScenario({ name: ctx.params.path.name, apis: input.apis, params: input.params });
      } catch (e) {
        throw new ApiError({ kind: 'validation', message: (e as Error).message, field: ['body', 'params'], issues: [] });
      }
      ctx.session.scenarios = [...ctx.session.scenarios.filter((s) => s.name !== scenario.name), scenario];
      return { status: 200, body: active(ctx) };
    },

    deactivateScenario: (ctx) => {
      ctx.session.scenarios = ctx.session.scenarios.filter((s) => s.name !== ctx.params.path.name);
      return { status: 200, body: active(ctx) };
    },

    getFixtures: (ctx) => {
      const apis: Record<string, unknown> = {};
      for (const index of served) {
        const mod = ctx.world.modules.get(index.name)!;
        const url = baseUrl(ctx, index);
        if (mod.fixtures) apis[index.name] = mod.fixtures(ctx.session.state(index.name, 'read'), url);
      }
      const base_urls = Object.fromEntries(served.map((index) => [index.name, { prefixed: baseUrl(ctx, index), vendor: `${ctx.req.origin}${index.basePath}` }]));
      return { status: 200, body: { session: ctx.session.name, seed: ctx.session.seed, apis, base_urls } as never };
    },

    createSsoOnlyConnection: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createLeadConduitCredential: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createAuth0Token: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createMyCreditAppInvitation: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createMyCreditAppOrganization: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createWingfieldConnectToken: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    createWingfieldToken: (ctx) => ({ status: 201, body: vendorFixture(ctx) as never }),
    mintProviderState: (ctx) => ({ status: 201, body: mintProviderState(ctx.body, (api) => (served.some((s) => s.name === api) ? ctx.session.state(api) : undefined)) }),

    getJournal: (ctx) => {
      const { limit = 100, session } = ctx.params.query;
      const j = ctx.world.journal;
      return { status: 200, body: { total: j.total, capacity: j.capacity, entries: j.list(limit, session) as never } };
    },

    clearJournal: (ctx) => {
      ctx.world.journal.clear();
      return { status: 204, body: undefined };
    },

    exportState: (ctx) => ({ status: 200, body: ctx.session.export() as never }),

    // The page: sessions to pick from, and the state paged (readable at a million records).
    listSessions: (ctx) => ({ status: 200, body: { instance: typeof instance === 'function' ? instance() : instance, sessions: ctx.world.sessionNames().map((n) => ctx.world.session(n)).map((s) => ({ name: s.name, seed: s.seed, scenarios: s.scenarios.map((x) => x.name) })) } }),
    listStateCollections: (ctx) => {
      const listed = stateCollections(ctx.session, ctx.params.path.api, served.map((s) => s.name));
      return { status: 200, body: { ...listed, collections: listed.collections.map((c) => ({ ...c, ...editsOf(listed.api, recordEdits[listed.api], c.name) })) } };
    },
    putStateRecord: (ctx) => ({ status: 200, body: putRecord(editTarget(ctx, ctx.params.path), ctx.body) }),
    applyStatePreset: (ctx) => ({ status: 200, body: applyPreset(editTarget(ctx, ctx.params.path), ctx.params.path.preset, new Date()) }),
    browseState: (ctx) => ({ status: 200, body: browseState(ctx.session, ctx.params.path.api, ctx.params.path.collection, ctx.params.query, served.map((s) => s.name)) }),

    importState: (ctx) => {
      const snapshot = ctx.body;
      // Every check before the session is touched, so a bad snapshot leaves it as it was.
      const states = checkSnapshot(ctx.world, snapshot);
      const s = ctx.world.importInto(ctx.session.name, snapshot, states);
      return { status: 200, body: { session: s.name, seed: s.seed } };
    },
  };
}
