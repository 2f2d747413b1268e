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
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      throw new ControlError(`control API unreachable at ${url(path)}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) throw new ControlError(`control API ${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
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
    fixtures: async () => ((await call('GET', '/fixtures')) as { apis: Record<string, unknown> }).apis,
  };
}
