import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

// The English build alone loads in a tenth of the time of the package root (all locales).
const FakerClass = englishFaker.constructor as typeof Faker;

/** A Faker of its own, English, seeded. */
export function newFaker(seed: number): Faker {
  return new FakerClass({ locale: englishFaker.rawDefinitions, seed });
}

/**
 * A Faker of its own for each API, seeded from the run's seed and the API's name, so one
 * API's fixtures never shift when another's change.
 */
export function fakerFor(seed: number, api: string): Faker {
  const digest = sha256(utf8ToBytes(`${seed}:${api}`));
  const mix = new DataView(digest.buffer, digest.byteOffset, digest.byteLength).getUint32(0);
  const faker = newFaker(mix);
  // Dates "in the past/future" are counted from here, not from the machine's clock.
  faker.setDefaultRefDate('2025-06-01T00:00:00.000Z');
  return faker;
}

/**
 * Ids minted at run time (a relation created by a claim…): a hash of seed, API and a counter
 * the state keeps, so a replayed run mints the same ids and a snapshot carries on from them.
 */
export function mintHex(seed: number, api: string, counter: number, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++)
    out += bytesToHex(sha256(utf8ToBytes(`${seed}:${api}:${counter}:${block}`)));
  return out.slice(0, length);
}

export function mintUuid(seed: number, api: string, counter: number): string {
  const h = mintHex(seed, api, counter, 32).split('');
  h[12] = '4';
  h[16] = '89ab'[parseInt(h[16], 16) % 4];
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

export const isoNow = (): string => new Date().toISOString();
export const farFuture = (faker: Faker): string => faker.date.between({ from: '2098-01-01T00:00:00Z', to: '2099-12-31T00:00:00Z' }).toISOString();
export const longAgo = (faker: Faker): string => faker.date.between({ from: '2021-01-01T00:00:00Z', to: '2024-12-31T00:00:00Z' }).toISOString();
export const pastDate = (faker: Faker): string => faker.date.between({ from: '2019-01-01T00:00:00Z', to: '2025-05-31T00:00:00Z' }).toISOString();
