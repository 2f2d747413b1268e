import { InvalidArgumentError } from 'commander';
import { isVendorName, vendorNames, type VendorName } from '../contract/names.js';

/**
 * A whole number from `min` to `max` (digits only: `1e3`, `0x10`, `-1`, `1.5` and `` are
 * refused rather than read as whatever `Number()` makes of them).
 */
export const int =
  (name: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  (value: string): number => {
    const text = value.trim();
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}`);
    return n;
  };

/** Past this the world takes minutes to build and gigabytes to hold. */
export const maxSize = 1_000_000;

/** `--size 50` for every API, or `--size mycreditapp=100000,auth0=5000`. */
export function parseSizes(value: string): Partial<Record<VendorName, number>> {
  const expected = `expected N or api=N[,api=N] with N from 1 to ${maxSize} (apis: ${vendorNames.join(', ')})`;
  const size = (n: string | undefined) => {
    const text = (n ?? '').trim();
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > maxSize) throw new InvalidArgumentError(expected);
    return Number(text);
  };
  if (!value.includes('=')) return Object.fromEntries(vendorNames.map((v) => [v, size(value)]));
  const out: Partial<Record<VendorName, number>> = {};
  for (const part of value.split(',')) {
    const [api, n, ...rest] = part.split('=').map((s) => s.trim());
    if (!isVendorName(api)) throw new InvalidArgumentError(`unknown API '${api}' (one of ${vendorNames.join(', ')})`);
    if (rest.length) throw new InvalidArgumentError(expected);
    out[api] = size(n);
  }
  return out;
}

export function parseApis(value: string): VendorName[] {
  const apis = value.split(',').map((s) => s.trim());
  if (apis.every((a) => a === '')) throw new InvalidArgumentError(`name at least one API (${vendorNames.join(', ')})`);
  const bad = apis.filter((a) => !isVendorName(a));
  if (bad.length)
    throw new InvalidArgumentError(
      `unknown API ${bad.map((b) => `'${b}'`).join(', ')} (one of ${vendorNames.join(', ')})`,
    );
  return [...new Set(apis as VendorName[])];
}

/** An address or name to bind; an empty one would silently bind every interface. */
export function parseHost(value: string): string {
  const host = value.trim();
  if (!host || /[\s/]/.test(host))
    throw new InvalidArgumentError('expected an address or host name, e.g. 127.0.0.1, ::1, 0.0.0.0, localhost');
  return host;
}

/** It travels in a header, so only visible ASCII can ever match. */
export function parseToken(value: string): string {
  if (!/^[\x21-\x7e]+$/.test(value))
    throw new InvalidArgumentError('expected a non-empty token of visible ASCII characters (it is sent in a header)');
  return value;
}

/** A file path: an empty one is a slip (an unset shell variable), not a file. */
export function parsePath(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('expected a file path');
  return value;
}

/**
 * Every error is one line: commander puts its "(Did you mean …?)" on a line of its own, and a
 * refused value may hold a newline; both become a space (a literal `\n` reads as a typo).
 */
export const oneLineErrors = {
  outputError: (text: string, write: (s: string) => void) => write(text.replace(/\s*\r?\n(?!$)\s*/g, ' ')),
};

/** One API by name. */
export function parseApi(value: string): VendorName {
  const api = value.trim();
  if (!isVendorName(api)) throw new InvalidArgumentError(`unknown API '${api}' (one of ${vendorNames.join(', ')})`);
  return api;
}
