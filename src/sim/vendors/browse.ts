import type { VendorName } from '../../spec/names.js';
import { browsePage, type StateBrowser } from '../browse.js';
import { ApiError } from '../errors.js';
import type { Session } from '../session.js';
import { auth0Browser } from './auth0/browse.js';
import { leadconduitBrowser } from './leadconduit/browse.js';
import { mycreditappBrowser } from './mycreditapp/browse.js';
import { wingfieldBrowser } from './wingfield/browse.js';

/** What the page can page through of each vendor's state (GET /__control/state/{api}/…). */
export const stateBrowsers: Record<VendorName, StateBrowser<any>> = {
  leadconduit: leadconduitBrowser,
  auth0: auth0Browser,
  mycreditapp: mycreditappBrowser,
  wingfield: wingfieldBrowser,
};

function browserOf(api: string, served: readonly string[]): StateBrowser<any> {
  const browser = stateBrowsers[api as VendorName];
  if (!browser || !served.includes(api)) throw new ApiError({ kind: 'not_found', code: 'api_not_served', message: `${api} is not served (see --api)` });
  return browser;
}

/** GET /__control/state/{api}: the collections of one API's state in a session, with their sizes. */
export function stateCollections(session: Session, api: VendorName, served: readonly string[]) {
  const browser = browserOf(api, served);
  const state = session.state(api, 'read');
  return { api, session: session.name, collections: Object.entries(browser).map(([name, of]) => ({ name, total: of(state, session.version).size() })) };
}

/** GET /__control/state/{api}/{collection}: one page of it. */
export function browseState(session: Session, api: VendorName, collection: string, query: { offset?: number; limit?: number; q?: string }, served: readonly string[]) {
  const of = browserOf(api, served)[collection];
  if (!of) throw new ApiError({ kind: 'not_found', code: 'not_found', message: `${api} has no collection ${collection} (one of ${Object.keys(browserOf(api, served)).join(', ')})` });
  const { offset = 0, limit = 50, q } = query;
  return { api, collection, session: session.name, offset, limit, ...browsePage(of(session.state(api, 'read'), session.version), offset, limit, q) };
}
