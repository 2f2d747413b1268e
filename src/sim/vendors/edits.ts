import type { VendorName } from '../../spec/names.js';
import type { RecordEdits } from '../control/records.js';
import { auth0Edits } from './auth0/edits.js';
import { leadconduitEdits } from './leadconduit/edits.js';
import { mycreditappEdits } from './mycreditapp/edits.js';
import { wingfieldEdits } from './wingfield/edits.js';

/** What the page may edit of each vendor's state (PUT /__control/state/{api}/{collection}/{id}). */
export const recordEdits: Record<VendorName, RecordEdits<unknown>> = {
  leadconduit: leadconduitEdits,
  auth0: auth0Edits,
  mycreditapp: mycreditappEdits,
  wingfield: wingfieldEdits,
};
