/**
 * Keeps a profile's secrets out of verify's reports. Which strings are secrets follows one rule
 * over the profile schemas of specs/control.yaml, not a list per API: a string is a secret when
 * it sits under a member whose name says it holds credentials (`tokens`, `credentials`,
 * `access_token`, `connect_tokens`, `invitations` — invitation tokens —, a provider-state
 * source's `headers`, anything named key/secret/password), unless its own member names an
 * identifier (`…id`, `…name`, `…url`, `…type`): a confirm entry's `external_organization_id`
 * is no secret, its `token` is.
 */

type Secret = { value: string; path: string };

const holdsSecrets = /token|secret|passw|credential|(^|_)keys?$|^headers$|^invitations$/i;
const namesAnIdentifier = /(^|_)(id|ids|name|url|type)$/i;
/** Shorter strings are left alone: replacing them would garble ordinary text. */
const minLength = 8;

/** `$profile.tokens.write`, `$profile.connect_tokens.open[0]`: where the profile holds it. */
const pathOf = (keys: (string | number)[]) =>
  `$profile${keys.map((k) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_]\w*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`)).join('')}`;

/** Every secret string of a loaded profile, with its path. */
export function profileSecrets(profile: unknown): Secret[] {
  const out: Secret[] = [];
  const walk = (node: unknown, keys: (string | number)[], secret: boolean): void => {
    const own = [...keys].reverse().find((k): k is string => typeof k === 'string') ?? '';
    if (typeof node === 'string') {
      if (node.length >= minLength && (holdsSecrets.test(own) || (secret && !namesAnIdentifier.test(own)))) {
        out.push({ value: node, path: pathOf(keys) });
        // "Bearer x" in a provider-state header: x alone is the secret as well.
        const scheme = /^(?:Bearer|Basic|Token)\s+(\S{8,})$/i.exec(node);
        if (scheme) out.push({ value: scheme[1], path: `${pathOf(keys)}(credential)` });
      }
      return;
    }
    if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...keys, i], secret));
    else if (typeof node === 'object' && node !== null)
      for (const [k, v] of Object.entries(node)) walk(v, [...keys, k], secret || holdsSecrets.test(k));
  };
  walk(profile, [], false);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A function replacing every secret (as is, URL-encoded, or inside an HTTP Basic value) by its profile path. */
export function redactor(secrets: Secret[]): (s: string) => string {
  const byValue = new Map<string, string>();
  for (const { value, path } of secrets) {
    if (!byValue.has(value)) byValue.set(value, path);
    const encoded = encodeURIComponent(value);
    if (!byValue.has(encoded)) byValue.set(encoded, path);
  }
  if (!byValue.size) return (s) => s;
  // Longest first, so a secret that contains another is replaced whole.
  const plain = new RegExp(
    [...byValue.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escape)
      .join('|'),
    'g',
  );
  const replacePlain = (s: string) => s.replace(plain, (m) => byValue.get(m) ?? m);
  const basic = /\bBasic\s+([A-Za-z0-9+/]{8,}={0,2})/g;
  return (s) =>
    replacePlain(
      s.replace(basic, (whole, b64: string) => {
        const decoded = Buffer.from(b64, 'base64').toString('utf8');
        const shown = replacePlain(decoded);
        return shown === decoded ? whole : `Basic base64(${shown})`;
      }),
    );
}

/** A copy of `value` with every string (keys left as they are) passed through `redact`. */
export function redactDeep<T>(value: T, redact: (s: string) => string): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redact(node);
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null)
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  // The copy has the shape of the original, each string replaced by a string.
  return walk(value) as T;
}
