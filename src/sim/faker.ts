import type { Faker } from '@faker-js/faker';
import { faker as englishFaker } from '@faker-js/faker/locale/en';

// Faker stays for verify's generated inputs and the fuzz tests only: the simulator's own data
// comes from ./seeded.ts, so nothing on the library's or the browser build's path loads it.
// The English build alone loads in a tenth of the time of the package root (all locales).
const FakerClass = englishFaker.constructor as typeof Faker;

/** A Faker of its own, English, seeded. */
export function newFaker(seed: number): Faker {
  return new FakerClass({ locale: englishFaker.rawDefinitions, seed });
}
