import type { VendorName } from '../../src/spec/names.js';
import type { Adapter } from '../types.js';
import { auth0Adapter } from './auth0.js';
import { leadconduitAdapter } from './leadconduit.js';
import { mycreditappAdapter } from './mycreditapp.js';
import { wingfieldAdapter } from './wingfield.js';

export const adapters: Record<VendorName, Adapter> = {
  leadconduit: leadconduitAdapter as Adapter,
  auth0: auth0Adapter as Adapter,
  mycreditapp: mycreditappAdapter as Adapter,
  wingfield: wingfieldAdapter as Adapter,
};
