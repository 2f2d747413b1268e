import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { specIndex } from '../src/contract/registry.js';
import { fieldName } from '../src/sim/errors.js';
import { toIssues } from '../src/contract/index.js';
import { describeIssue } from '../src/sim/issues.js';
import type { VendorName } from '../src/contract/names.js';
import type { AnyProfile } from './types.js';

const schemaName: Record<VendorName, string> = {
  leadconduit: 'LeadConduitProfile',
  auth0: 'Auth0Profile',
  mycreditapp: 'MyCreditAppProfile',
  wingfield: 'WingfieldProfile',
};

export class ProfileError extends Error {}

/** Checks a profile against its schema in specs/control.yaml; the error names every bad field. */
export function validateProfile(api: VendorName, value: unknown, source: string): AnyProfile {
  const withApi = value && typeof value === 'object' && !('api' in value) ? { api, ...value } : value;
  const validate = specIndex('control').schemaValidator(`/components/schemas/${schemaName[api]}`);
  if (!validate(withApi)) {
    const lines = toIssues('body', validate.errors).map(
      (i) => `  ${fieldName(['profile', ...i.path])} ${describeIssue(i)}`,
    );
    throw new ProfileError(`${source} is not a valid ${api} profile:\n${[...new Set(lines)].join('\n')}`);
  }
  return structuredClone(withApi) as AnyProfile;
}

export async function loadProfile(api: VendorName, file: string): Promise<AnyProfile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ProfileError(`cannot read profile ${file}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = parse(text);
  } catch (e) {
    throw new ProfileError(`${file} is neither YAML nor JSON: ${(e as Error).message}`);
  }
  return validateProfile(api, value, file);
}
