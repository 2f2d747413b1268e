import type { operations } from '../../generated/control.js';
import type { SpecIndex } from '../../spec/index.js';
import { ApiError } from '../errors.js';
import type { RequestContext, TypedHandlers } from '../module.js';
import { normalizeScenario, scenarioCatalog } from '../scenarios/catalog.js';
import type { SessionSnapshot } from '../session.js';
import { isVendorName } from '../../spec/names.js';
import { mintProviderState } from './provider-states.js';
import { browseState, stateCollections } from '../vendors/browse.js';

type Ctx = RequestContext<undefined, undefined>;

const active = (ctx: Ctx) => ({ active: ctx.session.scenarios.map((s) => ({ name: s.name, apis: s.apis ?? [], params: (s.params ?? {}) as Record<string, number> })) });

/** The prefixed base URL of an API as the caller reached this simulator (origin of the request). */
function baseUrl(ctx: Ctx, index: SpecIndex): string {
  return `${ctx.req.origin}${index.prefix}${index.basePath}`;
}

/** The control API over the world; `served` are the APIs this simulator mounts. */
export function controlHandlers(served: SpecIndex[]): TypedHandlers<operations, undefined, undefined> {
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
      // What the schema cannot say per scenario (its parameters, their ranges, the APIs it
      // applies to) is a 422 naming the field, as control.yaml documents.
      const refuse = (field: string, message: string) => new ApiError({ kind: 'unprocessable', code: 'invalid_scenario', message: `${field}: ${message}` });
      const def = scenarioCatalog.find((s) => s.name === ctx.params.path.name);
      for (const api of input.apis ?? []) if (def && !def.apis.includes(api)) throw refuse('apis', `scenario '${def.name}' applies to ${def.apis.join(', ')}, not ${api}`);
      for (const key of Object.keys(input.params ?? {})) if (def && !(key in def.params)) throw refuse(`params.${key}`, `scenario '${def.name}' takes ${Object.keys(def.params).join(', ') || 'no parameters'}`);
      try {
        scenario = normalizeScenario({ name: ctx.params.path.name, apis: input.apis, params: input.params });
      } catch (e) {
        throw refuse('params', (e as Error).message);
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
        if (mod.fixtures) apis[index.name] = mod.fixtures(ctx.session.state(index.name), url);
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
    listSessions: (ctx) => ({ status: 200, body: { sessions: ctx.world.sessionNames().map((n) => ctx.world.session(n)).map((s) => ({ name: s.name, seed: s.seed, scenarios: s.scenarios.map((x) => x.name) })) } }),
    listStateCollections: (ctx) => ({ status: 200, body: stateCollections(ctx.session, ctx.params.path.api, served.map((s) => s.name)) }),
    browseState: (ctx) => ({ status: 200, body: browseState(ctx.session, ctx.params.path.api, ctx.params.path.collection, ctx.params.query, served.map((s) => s.name)) }),

    importState: (ctx) => {
      const snapshot = ctx.body;
      // Build every API's state from the snapshot before touching the session, so a bad
      // snapshot leaves the session as it was.
      for (const [api, json] of Object.entries(snapshot.apis)) {
        const mod = ctx.world.modules.get(api);
        try {
          mod?.state.fromJSON(json);
        } catch (e) {
          throw new ApiError({ kind: 'unprocessable', code: 'invalid_snapshot', message: `apis.${api}: cannot be read (${(e as Error).message})` });
        }
      }
      for (const s of snapshot.scenarios ?? []) {
        try {
          normalizeScenario(s);
        } catch (e) {
          throw new ApiError({ kind: 'unprocessable', code: 'invalid_snapshot', message: `scenarios: ${(e as Error).message}` });
        }
      }
      const s = ctx.world.importInto(ctx.session.name, snapshot);
      return { status: 200, body: { session: s.name, seed: s.seed } };
    },
  };
}
