import type { VendorName } from '../../spec/names.js';
import type { ApiModule } from '../module.js';
import { auth0 } from './auth0/index.js';
import { leadconduit } from './leadconduit/index.js';
import { mycreditapp } from './mycreditapp/index.js';
import { wingfield } from './wingfield/index.js';

/** Every vendor API the simulator serves; a new vendor is one spec, one folder and one line here. */
export const vendorModules: Record<VendorName, ApiModule> = { leadconduit, auth0, mycreditapp, wingfield };
