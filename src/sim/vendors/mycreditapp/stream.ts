import type { Faker } from '@faker-js/faker';

/**
 * A seeded stream for the bulk of a large dataset (sfc32, seeded from the API's Faker): the
 * same values on every machine, at a fraction of Faker's cost per call. Fixtures use Faker
 * for their first records, so the default-size data is Faker's own.
 */
export class Stream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(f: Faker) {
    const word = () => f.number.int({ min: 0, max: 0xffffffff });
    this.a = word();
    this.b = word();
    this.c = word();
    this.d = word();
    for (let i = 0; i < 12; i++) this.next();
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

  /** An integer in [min, max], uniform (53 bits of randomness, no modulo bias worth the name). */
  int(min: number, max: number): number {
    const r = (this.next() * 2 ** 21 + (this.next() >>> 11)) / 2 ** 53;
    return min + Math.floor(r * (max - min + 1));
  }

  bool(): boolean {
    return (this.next() & 1) === 1;
  }

  /** A version-4 UUID, lower case, as Faker's `string.uuid` makes them. */
  uuid(): string {
    const a = this.next();
    const b = ((this.next() & 0xffff0fff) | 0x00004000) >>> 0;
    const c = ((this.next() & 0x3fffffff) | 0x80000000) >>> 0;
    const d = this.next();
    let i = 0;
    const put = (word: number, bytes: number) => {
      for (let k = bytes - 1; k >= 0; k--) {
        const v = (word >>> (k * 8)) & 0xff;
        codes[i++] = hexDigit[v >> 4];
        codes[i++] = hexDigit[v & 15];
      }
    };
    put(a, 4);
    codes[i++] = 45;
    put(b >>> 16, 2);
    codes[i++] = 45;
    put(b & 0xffff, 2);
    codes[i++] = 45;
    put(c >>> 16, 2);
    codes[i++] = 45;
    put(c & 0xffff, 2);
    put(d, 4);
    return String.fromCharCode.apply(null, codes.slice(0, 36));
  }

  /** An ISO timestamp uniform between two instants in epoch milliseconds, as Faker's `date.between`. */
  date(from: number, to: number): string {
    return isoString(this.int(from, to));
  }
}

const hexDigit = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const codes = new Array<number>(36).fill(0);

/**
 * `new Date(ms).toISOString()` for years 0–9999, written straight into one flat string: a
 * million timestamps without a million Date objects.
 */
export function isoString(ms: number): string {
  const days = Math.floor(ms / 86_400_000);
  let t = ms - days * 86_400_000;
  // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(t / 3_600_000);
  t -= hour * 3_600_000;
  const minute = Math.floor(t / 60_000);
  t -= minute * 60_000;
  const second = Math.floor(t / 1000);
  const milli = t - second * 1000;
  const c = isoCodes;
  const put = (at: number, v: number, width: number) => {
    for (let k = width - 1; k >= 0; k--) {
      c[at + k] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
  };
  put(0, year, 4);
  put(5, month, 2);
  put(8, day, 2);
  put(11, hour, 2);
  put(14, minute, 2);
  put(17, second, 2);
  put(20, milli, 3);
  return String.fromCharCode.apply(null, c);
}

const isoCodes = Array.from('0000-00-00T00:00:00.000Z', (ch) => ch.charCodeAt(0));
