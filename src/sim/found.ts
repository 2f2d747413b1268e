/**
 * A lookup the seeded data guarantees. Failing here names what was missing, where a bare
 * `!` would fail a line later as "cannot read properties of undefined".
 */
export function found<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`connkit: no ${what}`);
  return value;
}
