import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { derefDeep, getPointer, type Json, type JsonObject } from '../contract/load.js';
import { specIndex } from '../contract/registry.js';
import * as words from './words.js';

/**
 * connkit's seeded data generator: sfc32 (a small, fast, well-tested PRNG) with the handful of
 * shapes the fixtures need. Integer arithmetic only until the last step, so the same seed gives
 * the same data on every machine and engine; no faker on the runtime path or in the browser.
 */
export class Seeded {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | readonly [number, number, number, number]) {
    const w = typeof seed === 'number' ? [seed >>> 0, 0x9e3779b9, 0x243f6a88, 0xb7e15162] : seed;
    [this.a, this.b, this.c, this.d] = [w[0] | 0, w[1] | 0, w[2] | 0, w[3] | 0];
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A generator at the same point of the same sequence: it makes the draws this one would make next. */
  fork(): Seeded {
    const copy = Object.create(Seeded.prototype) as Seeded;
    [copy.a, copy.b, copy.c, copy.d] = [this.a, this.b, this.c, this.d];
    return copy;
  }

  /** Moves on `count` draws, as if they were made. */
  skip(count: number): void {
    // next()'s recurrence over locals: a builder skips thousands of draws at start, before V8
    // has optimised next(), and this one loop costs a fifth of as many cold calls.
    let { a, b, c, d } = this;
    for (let i = 0; i < count; i++) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      c = (c + t) | 0;
    }
    [this.a, this.b, this.c, this.d] = [a, b, c, d];
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1) with 53 random bits. */
  unit(): number {
    return (this.next() * 2 ** 21 + (this.next() >>> 11)) / 2 ** 53;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.unit() * (max - min + 1));
  }

  /** A number in [min, max] rounded to `digits` decimals. */
  float(min: number, max: number, digits = 1): number {
    const scale = 10 ** digits;
    return this.int(Math.ceil(min * scale), Math.floor(max * scale)) / scale;
  }

  bool(): boolean {
    return (this.next() & 1) === 1;
  }

  pick<T>(list: readonly T[]): T {
    return list[this.next() % list.length];
  }

  /** `count` distinct members (a random count when not given), in the list's order. */
  some<T>(list: readonly T[], count = this.int(1, list.length)): T[] {
    // A partial Fisher–Yates over the indexes: `count` draws whatever the list's length.
    const n = list.length;
    const k = Math.min(count, n);
    // Fixtures draw from short lists a million times: their index buffer is reused, not allocated.
    const order = n <= smallList.length ? smallList : new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + (this.next() % (n - i));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const chosen = order.subarray(0, k).sort();
    const out = new Array<T>(k);
    for (let i = 0; i < k; i++) out[i] = list[chosen[i]];
    return out;
  }

  /** Lower-case hex digits. */
  hex(length: number): string {
    const out = buffer(length);
    for (let i = 0; i < length; i += 8) {
      const word = this.next();
      for (let k = 0; k < 8 && i + k < length; k++) out[i + k] = hexCodes[(word >>> (28 - 4 * k)) & 15];
    }
    return String.fromCharCode.apply(null, out);
  }

  /** Characters of `alphabet`, `length` of them. */
  chars(alphabet: string, length: number): string {
    const out = buffer(length);
    for (let i = 0; i < length; i++) out[i] = alphabet.charCodeAt(this.next() % alphabet.length);
    return String.fromCharCode.apply(null, out);
  }

  alnum(length: number): string {
    return this.chars(alphanumeric, length);
  }

  /** A version-4 UUID, lower case. */
  uuid(): string {
    const out = buffer(36);
    let at = 0;
    for (let w = 0; w < 4; w++) {
      let word = this.next();
      if (w === 1) word = ((word & 0xffff0fff) | 0x00004000) >>> 0;
      if (w === 2) word = ((word & 0x3fffffff) | 0x80000000) >>> 0;
      for (let k = 0; k < 8; k++) {
        if (at === 8 || at === 13 || at === 18 || at === 23) out[at++] = 45;
        out[at++] = hexCodes[(word >>> (28 - 4 * k)) & 15];
      }
    }
    return String.fromCharCode.apply(null, out);
  }

  /** A MongoDB ObjectId's 24 hex digits (LeadConduit's ids). */
  objectId(): string {
    return this.hex(24);
  }

  /** An ISO timestamp uniform between two instants (ISO strings or epoch ms). */
  date(from: string | number, to: string | number): string {
    const lo = typeof from === 'number' ? from : Date.parse(from);
    const hi = typeof to === 'number' ? to : Date.parse(to);
    return new Date(this.int(lo, hi)).toISOString();
  }

  firstName(): string {
    return this.pick(words.firstNames);
  }

  company(): string {
    return this.bool()
      ? spaced(this.pick(words.companyStems), this.pick(words.companyKinds))
      : ampersanded(this.pick(words.companyStems), this.pick(words.companyStems));
  }

  /** A hostname label: `northwind-lending`. */
  domainWord(): string {
    return `${this.pick(words.companyStems)}-${this.pick(words.companyKinds)}`
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
  }

  /** `first.last@example.com`, lower case, with a number where names repeat. */
  email(): string {
    // Joined rather than concatenated: one flat string, not a chain of pieces the record keeps.
    return [
      this.pick(words.firstNames),
      '.',
      this.pick(words.lastNames),
      String(this.int(1, 99)),
      '@',
      this.pick(words.emailDomains),
    ].join('');
  }

  adjective(): string {
    return this.pick(words.adjectives);
  }

  noun(): string {
    return this.pick(words.nouns);
  }

  catchPhrase(): string {
    return spaced(this.pick(words.catchVerbs), this.pick(words.catchNouns));
  }

  city(): string {
    return this.pick(words.cities);
  }

  /**
   * A value a schema accepts, from its own constraints: `enum`, `format` (uuid, email,
   * date-time), a `pattern` of one character class (`^[0-9a-fA-F]{24}$`), `minLength` /
   * `maxLength`, `minimum` / `maximum`. Fixtures make fields with it where the spec says
   * what a field looks like, so the data follows the spec when the spec changes.
   */
  ofSchema(schema: JsonObject): Json {
    let draw = drawers.get(schema);
    if (!draw) drawers.set(schema, (draw = drawerOf(schema)));
    return draw(this);
  }
}

/**
 * `${a}${separator}${b}` for words of the pools: each pair's string made once and then shared
 * (a million records' names are a few thousand strings, not millions of pieces to collect).
 */
export function wordPairs(separator: string): (a: string, b: string) => string {
  const byFirst = new Map<string, Map<string, string>>();
  return (a, b) => {
    let second = byFirst.get(a);
    if (!second) byFirst.set(a, (second = new Map<string, string>()));
    let joined = second.get(b);
    if (joined === undefined) second.set(b, (joined = `${a}${separator}${b}`));
    return joined;
  };
}
const spaced = wordPairs(' ');
const ampersanded = wordPairs(' & ');

// Fixtures draw from the same few schemas a million times: what each schema asks for is read
// once into a drawer, which makes the same draws in the same order as reading it each time.
const drawers = new WeakMap<JsonObject, (s: Seeded) => Json>();

function drawerOf(schema: JsonObject): (s: Seeded) => Json {
  if (Array.isArray(schema.enum)) {
    const values = enumValues(schema.enum);
    return (s) => s.pick(values);
  }
  const type = [schema.type ?? 'string'].flat();
  if (type.includes('boolean')) return (s) => s.bool();
  if (type.includes('integer') || type.includes('number')) {
    const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
    const max = typeof schema.maximum === 'number' ? schema.maximum : min + 1000;
    return type.includes('integer') ? (s) => s.int(min, max) : (s) => s.float(min, max);
  }
  if (schema.format === 'uuid') return (s) => s.uuid();
  if (schema.format === 'email') return (s) => s.email();
  if (schema.format === 'date-time') return (s) => s.date(pastFrom, pastTo);
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(minLength, 12);
  const oneClass =
    typeof schema.pattern === 'string' ? /^\^\[([^\]]+)\](?:\{(\d+)(?:,(\d+))?\}|(\+))?\$$/.exec(schema.pattern) : null;
  if (oneClass) {
    const [, set, lo, hi] = oneClass;
    const from = lo ? Number(lo) : minLength;
    const to = hi ? Number(hi) : lo ? Number(lo) : maxLength;
    const alphabet = expandClass(set);
    const shortest = Math.max(from, minLength);
    const longest = Math.min(to, maxLength);
    return (s) => s.chars(alphabet, s.int(shortest, longest));
  }
  const longest = Math.min(maxLength, minLength + 8);
  return (s) => s.chars(alphanumericLower, s.int(minLength, longest));
}

// Fixtures draw from the same few schemas a million times: each enum filtered once.
const enums = new WeakMap<Json[], Json[]>();
function enumValues(list: Json[]): Json[] {
  let values = enums.get(list);
  if (!values) enums.set(list, (values = list.filter((v) => v !== null)));
  return values;
}

// Strings are written as char codes and made in one call: a flat string per id, not a rope of
// pieces (a million ids of pieces cost seconds of GC and twice the memory).
const hexCodes = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const buffers: number[][] = [];
const smallList = new Int32Array(64);
const buffer = (length: number): number[] => (buffers[length] ??= new Array<number>(length).fill(0));

const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alphanumericLower = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `0-9a-fA-F` → every character it names (ranges and single characters; no escapes). */
function expandClass(set: string): string {
  let out = '';
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === '-' && i + 2 < set.length) {
      for (let c = set.charCodeAt(i); c <= set.charCodeAt(i + 2); c++) out += String.fromCharCode(c);
      i += 2;
    } else out += set[i];
  }
  return out;
}

/**
 * A schema of a spec, fully dereferenced, by component name and property path
 * (`specSchema('leadconduit', 'Entity', 'field_suffix')`): what `ofSchema` draws from.
 */
export function specSchema(api: string, component: string, ...properties: string[]): JsonObject {
  // The index's document, parsed once: a copy of its own would parse the spec a second time
  // on every cold start (derefDeep copies what it returns, so nothing writes to it).
  const { doc } = specIndex(api);
  let node = derefDeep(doc, getPointer(doc, `/components/schemas/${component}`)) as JsonObject;
  for (const name of properties) {
    const found = propertyOf(node, name);
    if (!found) throw new Error(`connkit: ${api} ${component} has no property ${properties.join('.')}`);
    node = found;
  }
  return node;
}

/** A property's schema, in the schema itself or one of its `allOf` parts. */
function propertyOf(schema: JsonObject, name: string): JsonObject | undefined {
  const own = (schema.properties as JsonObject | undefined)?.[name];
  if (own && typeof own === 'object' && !Array.isArray(own)) return own;
  for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const found = part && typeof part === 'object' && !Array.isArray(part) ? propertyOf(part, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A schema's `maxLength`: names cut to what the spec allows. */
export const maxLengthOf = (schema: JsonObject, fallback = Infinity): number =>
  typeof schema.maxLength === 'number' ? schema.maxLength : fallback;

/**
 * A generator of its own for each API, seeded from the run's seed and the API's name, so one
 * API's fixtures never shift when another's change.
 */
export function seededFor(seed: number, api: string): Seeded {
  // The digest's first four big-endian words, read from its hex: Node's hash where there is
  // one (JavaScript SHA-256 run cold costs a millisecond or two of every start), the same words.
  const hex = sha256Hex(`${seed}:${api}`);
  const word = (i: number) => parseInt(hex.slice(8 * i, 8 * i + 8), 16);
  return new Seeded([word(0), word(1), word(2), word(3)]);
}

/**
 * Ids minted at run time (a relation created by a claim…): a hash of seed, API and a counter
 * the state keeps, so a replayed run mints the same ids and a snapshot carries on from them.
 */
export function mintHex(seed: number, api: string, counter: number, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) out += sha256Hex(`${seed}:${api}:${counter}:${block}`);
  return out.slice(0, length);
}

export function mintUuid(seed: number, api: string, counter: number): string {
  const h = mintHex(seed, api, counter, 32);
  const variant = '89ab'[parseInt(h[16], 16) % 4];
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

// Node's own SHA-256 where there is one: a tenth of the pure-JS hash's cost per id, and a
// million-record world mints half a million. The browser has noble's; the digest is the same.
type OneShotHash = (algorithm: 'sha256', data: string, encoding: 'hex') => string;
const nodeHash = (
  (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
    'node:crypto',
  ) as { hash?: OneShotHash } | undefined
)?.hash;
/** SHA-256 of a string's UTF-8, as lower-case hex: Node's where there is one, noble's in a browser. */
export const sha256Hex: (text: string) => string = nodeHash
  ? (text) => nodeHash('sha256', text, 'hex')
  : (text) => bytesToHex(sha256(utf8ToBytes(text)));

// Fixture dates are fixed instants, never the machine's clock: "past" ends the day before 2025-06-01.
const pastFrom = Date.parse('2019-01-01T00:00:00Z');
const pastTo = Date.parse('2025-05-31T00:00:00Z');

export const isoNow = (): string => new Date().toISOString();
export const farFuture = (s: Seeded): string => s.date('2098-01-01T00:00:00Z', '2099-12-31T00:00:00Z');
export const longAgo = (s: Seeded): string => s.date('2021-01-01T00:00:00Z', '2024-12-31T00:00:00Z');
export const pastDate = (s: Seeded): string => s.date(pastFrom, pastTo);
