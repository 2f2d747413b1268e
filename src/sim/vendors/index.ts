import type { VendorName } from '../../contract/names.js';
import type { ApiModule } from '../module.js';
import { composeCatalog } from '../scenarios/catalog.js';
import { auth0 } from './auth0/index.js';
import { leadconduit } from './leadconduit/index.js';
import { mycreditapp } from './mycreditapp/index.js';
import { wingfield } from './wingfield/index.js';

/**
 * Every vendor API the simulator serves, by the name its spec has (src/contract/names.ts lists
 * the specs; the type makes a name without its module a compile error). A new vendor is one
 * spec, one folder and one line here; nothing else names it.
 */
export const vendorModules: { [V in VendorName]: ApiModule } = { leadconduit, auth0, mycreditapp, wingfield };

/**
 * Every registered API's scenarios: what the CLI offers before it knows which APIs are served.
 * Marked pure so a bundle that never reads it (the library's: a simulator composes the catalog
 * of the APIs it serves) leaves the call out of its import.
 */
export const scenarioCatalog = /* @__PURE__ */ composeCatalog(/* @__PURE__ */ Object.values(vendorModules));
