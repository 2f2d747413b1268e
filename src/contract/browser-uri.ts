// The browser build's stand-in for fast-uri, the URI library ajv resolves `$ref`s with. ajv
// asks it three things (parse to a fragment, serialize back, resolve a ref against a base),
// and the specs' refs are all pointers into documents whose `$id`s connkit sets itself
// (`https://connkit.local/specs/<name>.json`). fast-uri's whole RFC 3986 machinery (IPv6 hosts,
// scheme handlers, percent-encoding normalisation) weighs 6 KiB gzipped in a bundle whose budget
// is 120; the platform's URL resolves the rest. test/bundle/uri.test.ts holds it to fast-uri's
// answers on every call ajv makes compiling the specs.

export interface UriComponents {
  /** Everything before `#`, as written. */
  base: string;
  /** After `#`, percent-encoded as fast-uri gives it (ajv decodes it); undefined without `#`. */
  fragment?: string;
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;
// What RFC 3986 lets a fragment hold as is; the rest is percent-encoded, as fast-uri does (a
// path template's `{id}` in a pointer becomes `%7Bid%7D`).
const outsideFragment = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/gu;
const encodeFragment = (fragment: string) => fragment.replace(outsideFragment, (c) => encodeURIComponent(c));

export function parse(uri: string): UriComponents {
  const at = uri.indexOf('#');
  return at < 0 ? { base: uri } : { base: uri.slice(0, at), fragment: encodeFragment(uri.slice(at + 1)) };
}

export function serialize(parts: UriComponents): string {
  return parts.fragment === undefined ? parts.base : `${parts.base}#${parts.fragment}`;
}

export function resolve(base: string, ref: string): string {
  const from = parse(base).base;
  const to = parse(ref);
  const at = (b: string) => serialize({ base: b, fragment: to.fragment });
  if (to.base === '') return at(from);
  if (hasScheme.test(to.base)) return at(to.base);
  // A relative ref against an absolute base: the platform's resolution (dot segments and all).
  if (hasScheme.test(from)) return at(new URL(to.base, from).href);
  return at(from.slice(0, from.lastIndexOf('/') + 1) + to.base);
}
