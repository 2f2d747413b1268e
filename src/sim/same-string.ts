/**
 * The string last given, when `s` has the same characters: one object for what a client sends
 * again and again (its Authorization header), so every Map and object it is looked up in uses
 * the hash V8 computed and kept on that object the first time. A JWT is hundreds of
 * characters: hashing a fresh copy of it per request, for each lookup, was a twentieth of a
 * cached read's CPU. Comparing two strings costs no hash, and a miss costs one comparison.
 */
export function sameString(): (s: string) => string {
  let last = '';
  return (s) => (s === last ? last : (last = s));
}
