import { decodeBase64 } from '../../base64.js';
import { ApiError } from '../../errors.js';
import type { ApiModule } from '../../module.js';
import type { LeadConduitState } from './state.js';

export interface LcPrincipal {
  accountId: string;
  superuser: boolean;
}

const failed = () => new ApiError({ kind: 'unauthenticated', message: 'authentication failed' });

/**
 * HTTP Basic: the username is ignored (LeadConduit's docs use `API` or `X`), the password
 * is an API key. Operations marked `x-leadconduit-superuser` need a superuser's key; any
 * other key gets the same 401, as the seed documents.
 */
export const authenticate: ApiModule<LeadConduitState, LcPrincipal>['authenticate'] = ({ req, state, op }) => {
  const header = req.headers.authorization ?? '';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) throw failed();
  const decoded = decodeBase64(match[1]) ?? '';
  const colon = decoded.indexOf(':');
  const key = colon >= 0 ? decoded.slice(colon + 1) : '';
  const credential = state.credential(key);
  if (!credential) throw failed();
  if (op.ext['x-leadconduit-superuser'] === true && !credential.superuser) throw failed();
  return { accountId: credential.account_id, superuser: credential.superuser };
};
