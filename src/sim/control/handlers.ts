import type { operations } from '../../generated/control.js';
import type { SpecIndex } from '../../contract/index.js';
import { computeCoverage } from '../coverage.js';
import { isVendorName } from '../../contract/names.js';
import { ApiError } from '../errors.js';
import type { Handler, RequestContext, TypedHandlers } from '../module.js';
import type { ScenarioCatalog } from '../scenarios/catalog.js';
import type { World } from '../world.js';
import { browseState, stateCollections } from './browse.js';
import { checkSnapshot } from '../snapshot/import.js';
import { mintProviderState } from './provider-states.js';
import { applyPreset, editsOf, putRecord } from './records.js';

type Ctx = RequestContext<undefined, undefined>;

/** What the control API acts on: the simulator's world, the APIs it serves, their scenarios. */
export interface ControlScope {
  world: World;
  served: SpecIndex[];
  catalog: ScenarioCatalog;
  /** Which process answers (`GET /__control/sessions`), behind a session-hashing proxy. */
  instance?: string | (() => string);
}

const active = (ctx: Ctx) => ({
  active: ctx.session.scenarios.map((s) => ({
    name: s.name,
    apis: s.apis ?? [],
    params: (s.params ?? {}) as Record<string, number>,
  })),
});

/** The prefixed base URL of an API as the caller reached this simulator (origin of the request). */
function baseUrl(ctx: Ctx, index: SpecIndex): string {
  return `${ctx.req.origin}${index.prefix}${index.basePath}`;
}

/** The session's record of one API that an edit or a preset acts on (the API must be served). */
function editTarget<A extends string>(world: World, ctx: Ctx, path: { api: A; collection: string; id: string }) {
  const mod = world.modules.get(path.api);
  if (!mod)
    throw new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${path.api} is not served (see --api)` });
  return {
    session: ctx.session,
    api: path.api,
    collection: path.collection,
    id: path.id,
    edits: mod.edits,
  };
}

/**
 * A control operation a vendor module answers (`controlFixtures`, by operationId): a fixture
 * its own API cannot create, made in the session's state of the served API that has it.
 */
export function vendorFixture(world: World): Handler {
  return (ctx) => {
    for (const module of world.modules.values()) {
      const create = module.controlFixtures?.[ctx.op.id];
      if (create) return { status: 201, body: create(ctx.session.state(module.name), ctx.body ?? {}) };
    }
    throw new ApiError({
      kind: 'not_found',
      code: 'api_not_served',
      message: `${ctx.op.id}: the API it belongs to is not served (see --api)`,
    });
  };
}

/** The control API's own operations over the world; the vendors' fixtures are `vendorFixture`'s. */
export function controlHandlers({
  world,
  served,
  catalog,
  instance = 'in-process',
}: ControlScope): Partial<TypedHandlers<operations, undefined, undefined>> {
  return {
    health: (ctx) => ({
      status: 200,
      body: {
        status: 'ok',
        seed: ctx.session.seed,
        apis: served.map((s) => s.name).filter(isVendorName),
        sessions: world.sessionNames().length,
      },
    }),

    reset: (ctx) => {
      const seed = ctx.body?.seed;
      const s = world.reset(ctx.session.name, seed);
      return { status: 200, body: { session: s.name, seed: s.seed } };
    },

    listScenarios: (ctx) => ({
      status: 200,
      body: {
        catalog: catalog.list.map((d) => ({
          name: d.name,
          description: d.description,
          apis: d.apis,
          params: d.params,
        })),
        ...active(ctx),
      },
    }),

    clearScenarios: (ctx) => {
      ctx.session.clearScenarios();
      return { status: 200, body: { active: [] } };
    },

    activateScenario: (ctx) => {
      const input = ctx.body ?? {};
      let scenario;
      // What the schema cannot say per scenario (its parameters, their ranges, the APIs it
      // applies to) is a 422 naming the field, as control.yaml documents.
      const refuse = (field: string, message: string) =>
        new ApiError({ kind: 'unprocessable', code: 'invalid_scenario', message: `${field}: ${message}` });
      const def = catalog.list.find((s) => s.name === ctx.params.path.name);
      for (const api of input.apis ?? [])
        if (def && !def.apis.includes(api))
          throw refuse('apis', `scenario '${def.name}' applies to ${def.apis.join(', ')}, not ${api}`);
      for (const key of Object.keys(input.params ?? {}))
        if (def && !(key in def.params))
          throw refuse(
            `params.${key}`,
            `scenario '${def.name}' takes ${Object.keys(def.params).join(', ') || 'no parameters'}`,
          );
      try {
        scenario = catalog.normalize({ name: ctx.params.path.name, apis: input.apis, params: input.params });
      } catch (e) {
        throw refuse('params', (e as Error).message);
      }
      ctx.session.setScenarios([...ctx.session.scenarios.filter((s) => s.name !== scenario.name), scenario]);
      return { status: 200, body: active(ctx) };
    },

    deactivateScenario: (ctx) => {
      ctx.session.setScenarios(ctx.session.scenarios.filter((s) => s.name !== ctx.params.path.name));
      return { status: 200, body: active(ctx) };
    },

    getFixtures: (ctx) => {
      const apis: Record<string, unknown> = {};
      for (const index of served) {
        const mod = world.modules.get(index.name);
        if (mod?.fixtures) apis[index.name] = mod.fixtures(ctx.session.state(index.name, 'read'), baseUrl(ctx, index));
      }
      const base_urls = Object.fromEntries(
        served.map((index) => [
          index.name,
          { prefixed: baseUrl(ctx, index), vendor: `${ctx.req.origin}${index.basePath}` },
        ]),
      );
      return { status: 200, body: { session: ctx.session.name, seed: ctx.session.seed, apis, base_urls } };
    },

    mintProviderState: (ctx) => ({
      status: 201,
      body: mintProviderState(ctx.body, ctx.session, world.modules.values()),
    }),

    getJournal: (ctx) => {
      const { limit = 100, session, api, operationId, method, since } = ctx.params.query;
      const status = ctx.params.query.status;
      const j = world.journal;
      const found = j.match({
        session,
        api,
        operationId,
        method,
        since,
        status: status === undefined || status.endsWith('xx') ? status : Number(status),
      });
      return {
        status: 200,
        body: {
          total: j.total,
          capacity: j.capacity,
          matched: found.length,
          bytes: j.bytes(),
          maxBytes: j.maxBytes,
          entries: found.slice(-limit),
        },
      };
    },

    getCoverage: (ctx) => ({
      status: 200,
      body: computeCoverage(
        world.journal.list(undefined, ctx.params.query.session),
        served,
        catalog.list,
        world.modules,
      ),
    }),

    clearJournal: () => {
      world.journal.clear();
      return { status: 204, body: undefined };
    },

    exportState: (ctx) => ({ status: 200, body: ctx.session.export() as never }),

    // The page: sessions to pick from, and the state paged (readable at a million records).
    listSessions: () => ({
      status: 200,
      body: {
        instance: typeof instance === 'function' ? instance() : instance,
        sessions: world
          .sessionNames()
          .map((n) => world.session(n))
          .map((s) => ({ name: s.name, seed: s.seed, scenarios: s.scenarios.map((x) => x.name) })),
      },
    }),
    listStateCollections: (ctx) => {
      const listed = stateCollections(ctx.session, world.modules, ctx.params.path.api);
      const edits = world.modules.get(listed.api)?.edits;
      return {
        status: 200,
        body: {
          ...listed,
          collections: listed.collections.map((c) => ({ ...c, ...editsOf(listed.api, edits, c.name) })),
        },
      };
    },
    putStateRecord: (ctx) => ({ status: 200, body: putRecord(editTarget(world, ctx, ctx.params.path), ctx.body) }),
    applyStatePreset: (ctx) => ({
      status: 200,
      body: applyPreset(editTarget(world, ctx, ctx.params.path), ctx.params.path.preset, new Date()),
    }),
    browseState: (ctx) => ({
      status: 200,
      body: browseState(ctx.session, world.modules, ctx.params.path.api, ctx.params.path.collection, ctx.params.query),
    }),

    importState: (ctx) => {
      const snapshot = ctx.body;
      // Every check before the session is touched, so a bad snapshot leaves it as it was.
      const states = checkSnapshot(world, snapshot);
      const s = world.importInto(ctx.session.name, snapshot, states);
      return { status: 200, body: { session: s.name, seed: s.seed } };
    },
  };
}
