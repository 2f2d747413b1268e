const nothing: unique symbol = Symbol('connkit.nothing-yet');

/**
 * `f` with its last answer kept: called again with what it was last given (equal strings are
 * equal), it answers the same value, the same object. Clients send one Authorization header
 * again and again, and a fresh copy of a JWT (hundreds of characters) is hashed whole by every
 * Map or object it is looked up in: kept, the string V8 hashed once is what every lookup
 * gets. A miss costs one comparison, never a hash.
 */
export function keepLast<A, R>(f: (a: A) => R): (a: A) => R {
  let lastIn: A | typeof nothing = nothing;
  let lastOut: R;
  return (a) => {
    if (a !== lastIn) {
      lastOut = f(a);
      lastIn = a;
    }
    return lastOut;
  };
}
