import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../generated/control.js';
import type { VendorName } from '../../contract/names.js';

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The success body of a control operation, from the generated types. */
type Data<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer A }
      ? Json<A>
      : void
  : never;
type ScenarioName = paths['/scenarios/{name}']['put']['parameters']['path']['name'];
type ResetBody = NonNullable<paths['/reset']['post']['requestBody']>['content']['application/json'];
type ScenarioBody = NonNullable<paths['/scenarios/{name}']['put']['requestBody']>['content']['application/json'];
type JournalQuery = NonNullable<paths['/journal']['get']['parameters']['query']>;
type Snapshot = paths['/state']['put']['requestBody']['content']['application/json'];

type Fixtures = Data<'/fixtures', 'get'>;
type ApiFixtures = Fixtures['apis'];

/**
 * GET /fixtures as a simulator serving `A` answers it: each of those APIs present (the
 * handler gives every served API its fixtures), the others absent. With no `A` known, every
 * API's entry is optional, as the spec says.
 */
export type FixturesOf<A extends VendorName> = [A] extends [never]
  ? Fixtures
  : Omit<Fixtures, 'apis'> & {
      apis: { [K in A]-?: NonNullable<ApiFixtures[K]> } & { [K in Exclude<VendorName, A>]?: never };
    };

/** A control call that did not succeed: the status and the control API's error envelope. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`control API answered ${status}: ${JSON.stringify(body)}`);
  }
}

async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ControlError(response.status, error);
  return data as T;
}

/**
 * The control API (specs/control.yaml) as typed calls on one session. Every call is a real
 * request through the simulator's own pipeline, so it behaves exactly as `/__control` does;
 * `api` is the whole typed client for the rest (fixture factories, provider states…).
 */
export interface Control<A extends VendorName = never> {
  /** The session these calls act on (`default` unless made by `session()`). */
  readonly sessionName: string;
  health(): Promise<Data<'/health', 'get'>>;
  reset(body?: ResetBody): Promise<Data<'/reset', 'post'>>;
  scenarios: {
    list(): Promise<Data<'/scenarios', 'get'>>;
    enable(name: ScenarioName, body?: ScenarioBody): Promise<Data<'/scenarios/{name}', 'put'>>;
    disable(name: ScenarioName): Promise<Data<'/scenarios/{name}', 'delete'>>;
    clear(): Promise<Data<'/scenarios', 'delete'>>;
  };
  /** Credentials and fixture ids; `Control<'auth0'>` (from `createSimulator({ apis: ['auth0'] })`) types `apis.auth0` as present. */
  fixtures(): Promise<FixturesOf<A>>;
  journal: {
    list(query?: JournalQuery): Promise<Data<'/journal', 'get'>>;
    clear(): Promise<void>;
  };
  state: {
    export(): Promise<Data<'/state', 'get'>>;
    import(snapshot: Snapshot): Promise<Data<'/state', 'put'>>;
  };
  /** The same calls on a named session (`X-Connkit-Session`). */
  session(name: string): Control<A>;
  api: Client<paths, `${string}/json`>;
}

/**
 * Control calls over a fetch-shaped function (the simulator's `handle`, or `fetch` against a
 * running server). `origin` is what fixtures' base URLs are built from.
 */
export function createControl(
  fetchFn: (request: Request) => Promise<Response>,
  origin = 'http://localhost',
  sessionName = 'default',
): Control {
  const headers = sessionName === 'default' ? undefined : { 'X-Connkit-Session': sessionName };
  // The control client speaks JSON: the NDJSON snapshot (a stream) is not its business.
  const api = createClient<paths, `${string}/json`>({ baseUrl: `${origin}/__control`, fetch: fetchFn, headers });
  return {
    sessionName,
    health: () => ok(api.GET('/health')),
    reset: (body = {}) => ok(api.POST('/reset', { body })),
    scenarios: {
      list: () => ok(api.GET('/scenarios')),
      enable: (name, body = {}) => ok(api.PUT('/scenarios/{name}', { params: { path: { name } }, body })),
      disable: (name) => ok(api.DELETE('/scenarios/{name}', { params: { path: { name } } })),
      clear: () => ok(api.DELETE('/scenarios')),
    },
    fixtures: () => ok(api.GET('/fixtures')),
    journal: {
      list: (query = {}) => ok(api.GET('/journal', { params: { query } })),
      clear: async () => void (await ok(api.DELETE('/journal'))),
    },
    state: {
      export: () => ok(api.GET('/state')),
      import: (snapshot) => ok(api.PUT('/state', { body: snapshot })),
    },
    session: (name) => createControl(fetchFn, origin, name),
    api,
  };
}
