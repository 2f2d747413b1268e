/**
 * connkit's own paths: the index and the page (`/`), and everything under `/__` (the control
 * API, the page's assets, the specs). No vendor API is served there, so every door tells
 * them from vendor calls by this one rule. `path` is the request's path, without its query.
 */
export function isOwnPath(path: string): boolean {
  return path === '/' || path.startsWith('/__');
}

/** The path of a request target (`/x?y` → `/x`). */
export const pathOf = (target: string): string => {
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
};
