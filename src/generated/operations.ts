// Generated from specs/*.yaml (npm run generate). Do not edit.

import type { operations as leadconduitOperations } from './leadconduit.js';
import type { operations as auth0Operations } from './auth0.js';
import type { operations as mycreditappOperations } from './mycreditapp.js';
import type { operations as wingfieldOperations } from './wingfield.js';
import type { operations as controlOperations } from './control.js';

/** Each spec's operations (openapi-typescript), by spec name. */
export interface OperationsBySpec {
  leadconduit: leadconduitOperations;
  auth0: auth0Operations;
  mycreditapp: mycreditappOperations;
  wingfield: wingfieldOperations;
  control: controlOperations;
}
