import { ApiError } from '../errors.js';
import type { Session } from '../session.js';
import type { World } from '../world.js';

const sessionName = /^[A-Za-z0-9._-]{1,64}$/;

/** `X-Connkit-Session: <name>` picks that session's own state and scenarios. */
export function resolveSession(world: World, name: string | undefined): Session {
  if (name !== undefined && !sessionName.test(name)) {
    throw new ApiError({
      kind: 'validation',
      message: 'X-Connkit-Session must be 1-64 letters, digits, dots, dashes or underscores',
      field: ['header', 'X-Connkit-Session'],
      issues: [{ in: 'header', path: ['X-Connkit-Session'], keyword: 'pattern', message: 'must match ^[A-Za-z0-9._-]{1,64}$', params: {} }],
    });
  }
  return world.session(name);
}
