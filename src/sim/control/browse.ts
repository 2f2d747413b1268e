import { browsePage, type StateBrowser } from '../browse.js';
import { ApiError } from '../errors.js';
import type { ApiModule } from '../module.js';
import type { Session } from '../session.js';

function collectionsOf(modules: ReadonlyMap<string, ApiModule>, api: string): StateBrowser<unknown> {
  const collections = modules.get(api)?.collections;
  if (!collections)
    throw new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${api} is not served (see --api)` });
  return collections;
}

/** GET /__control/state/{api}: the collections of one served API's state in a session, with their sizes. */
export function stateCollections<A extends string>(session: Session, modules: ReadonlyMap<string, ApiModule>, api: A) {
  const collections = collectionsOf(modules, api);
  const state = session.state(api, 'read');
  return {
    api,
    session: session.name,
    collections: Object.entries(collections).map(([name, of]) => ({ name, total: of(state, session.version).size() })),
  };
}

/** GET /__control/state/{api}/{collection}: one page of it. */
export function browseState<A extends string>(
  session: Session,
  modules: ReadonlyMap<string, ApiModule>,
  api: A,
  collection: string,
  query: { offset?: number; limit?: number; q?: string },
) {
  const collections = collectionsOf(modules, api);
  // `constructor` names no collection, though every object answers to it.
  const of = Object.hasOwn(collections, collection) ? collections[collection] : undefined;
  if (!of)
    throw new ApiError({
      kind: 'not_found',
      code: 'not_found',
      message: `${api} has no collection ${collection} (one of ${Object.keys(collections).join(', ')})`,
    });
  const { offset = 0, limit = 50, q } = query;
  return {
    api,
    collection,
    session: session.name,
    offset,
    limit,
    ...browsePage(of(session.state(api, 'read'), session.version), offset, limit, q),
  };
}
