import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * connkit's state folder, shared by what must outlive one run (TLS material, verify's record of
 * used fixtures): `$XDG_STATE_HOME/connkit`, XDG's default for state being `~/.local/state`.
 */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'connkit');
}
