/** Joins small pieces into writes of about 64 KiB: one syscall per record would cost more than the record. */
export function* batched(pieces: Iterable<string>, size = 64 * 1024): Generator<string> {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= size) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}
