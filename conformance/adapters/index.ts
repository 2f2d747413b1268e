import type { VendorName } from '../../src/contract/names.js';
import type { Adapter } from '../types.js';
import { auth0Adapter } from './auth0.js';
import { leadconduitAdapter } from './leadconduit.js';
import { mycreditappAdapter } from './mycreditapp.js';
import { wingfieldAdapter } from './wingfield.js';

export const adapters: Record<VendorName, Adapter> = {
  leadconduit: leadconduitAdapter,
  auth0: auth0Adapter,
  mycreditapp: mycreditappAdapter,
  wingfield: wingfieldAdapter,
};
