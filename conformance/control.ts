import { readCapped } from './http.js';
import type { ControlClient } from './types.js';

export class ControlError extends Error {}

/** The simulator's control API, every call in the verify run's own session. */
export function controlClient(
  base: string,
  session: string,
  timeoutMs: number,
): ControlClient & { fixtures(): Promise<Record<string, unknown>> } {
  const url = (path: string) => `${base.replace(/\/$/, '')}${path}`;
  const call = async (method: string, path: string, body?: unknown) => {
    let res: Response;
    try {
      res = await fetch(url(path), {
        method,
        headers: {
          'X-Connkit-Session': session,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        // Whatever --control names answers itself: a redirect is its answer, not a place to go.
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new ControlError(`control API unreachable at ${url(path)}: ${(e as Error).message}`);
    }
    let text: string;
    try {
      text = await readCapped(res);
    } catch (e) {
      throw new ControlError(`control API ${method} ${path}: ${(e as Error).message}`);
    }
    if (!res.ok) throw new ControlError(`control API ${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      throw new ControlError(
        `control API ${method} ${path} answered ${res.status} with no JSON: ${text.slice(0, 200)}`,
      );
    }
  };
  return {
    session,
    // The control API's answers are typed by specs/control.yaml; the caller names the one it expects.
    post: <T>(path: string, body?: unknown) => call('POST', path, body ?? {}) as Promise<T>,
    get: (path) => call('GET', path),
    async scenario(name, on, params) {
      if (on) await call('PUT', `/scenarios/${name}`, params ? { params } : {});
      else await call('DELETE', `/scenarios/${name}`);
    },
    async fixtures() {
      const answer = await call('GET', '/fixtures');
      const apis = (answer as { apis?: unknown } | undefined)?.apis;
      if (typeof apis !== 'object' || apis === null || Array.isArray(apis))
        throw new ControlError(
          `control API GET /fixtures answered no "apis" object: is ${base} connkit's control API?`,
        );
      return apis as Record<string, unknown>;
    },
  };
}
