/**
 * connkit's own paths (the page at `/`, the control API, the page's assets and views, the
 * specs, the journal stream: everything under `/__`) and the one spelling they are judged by.
 * Every door asks `isOwnPath(canonicalPath(target))`, so no spelling of a guarded path
 * (another case, `%5F` for `_`, `%2F` for `/`, `.`/`..` segments, `//`) slips past a guard
 * while some router still serves it.
 */

/** An escape of an ASCII byte; escapes of other bytes can never spell an own path, so they stay. */
const asciiEscape = /%([0-7][0-9a-f])/gi;
/** What makes a raw path differ from its canonical form (besides case). */
const needsWork = /[%\\]|\/\/|\/\.(?:\/|\.|$)/;

/**
 * The path of a request target (`/__CONTROL//journal/./stream?x` → `/__control/journal/stream`):
 * query and fragment dropped, ASCII escapes decoded once (as a router decodes a segment), `\`
 * read as `/` (as WHATWG URL parsing does), repeated slashes merged, dot segments resolved,
 * lower case. A trailing slash is kept.
 */
export function canonicalPath(target: string): string {
  const end = target.search(/[?#]/);
  let path = end < 0 ? target : target.slice(0, end);
  if (!needsWork.test(path)) return path.toLowerCase();
  path = path.replace(asciiEscape, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\/g, '/');
  const out: string[] = [];
  const segments = path.split('/').filter((s, i, all) => s !== '' || i === all.length - 1);
  for (const s of segments) {
    if (s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  const last = segments[segments.length - 1];
  const trailing = last === '' || last === '.' || last === '..';
  return `/${out.filter((s) => s !== '').join('/')}${trailing && out.some((s) => s !== '') ? '/' : ''}`.toLowerCase();
}

/** Whether a canonical path is connkit's own: the root (the page or the JSON index) or under `/__`. */
export function isOwnPath(canonical: string): boolean {
  return canonical === '/' || canonical.startsWith('/__');
}
