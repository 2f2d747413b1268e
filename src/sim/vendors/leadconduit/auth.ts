import { decodeBase64 } from '../../base64.js';
import { ApiError } from '../../errors.js';
import type { ApiModule } from '../../module.js';
import type { LeadConduitState } from './state.js';

export interface LcPrincipal {
  accountId: string;
  superuser: boolean;
}

// Clients send the same few headers again and again; decoding is pure, so it is remembered (bounded).
const decoded = new Map<string, string | undefined>();

/** The API key of a Basic header (the password; the username is ignored), if it is one. */
function apiKey(header: string): string | undefined {
  if (decoded.has(header)) return decoded.get(header);
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  const text = match ? decodeBase64(match[1]) : undefined;
  const colon = text?.indexOf(':') ?? -1;
  const key = text !== undefined && colon >= 0 ? text.slice(colon + 1) : text === undefined ? undefined : '';
  if (decoded.size >= 1000) decoded.clear();
  decoded.set(header, key);
  return key;
}

const failed = () => new ApiError({ kind: 'unauthenticated', message: 'authentication failed' });

/**
 * HTTP Basic: the username is ignored (LeadConduit's docs use `API` or `X`), the password
 * is an API key. Operations marked `x-leadconduit-superuser` need a superuser's key; any
 * other key gets the same 401, as the seed documents.
 */
export const authenticate: ApiModule<LeadConduitState, LcPrincipal>['authenticate'] = ({ req, state, op }) => {
  const key = apiKey(req.headers.authorization ?? '');
  if (key === undefined) throw failed();
  const credential = state.credential(key);
  if (!credential) throw failed();
  if (op.ext['x-leadconduit-superuser'] === true && !credential.superuser) throw failed();
  return { accountId: credential.account_id, superuser: credential.superuser };
};
