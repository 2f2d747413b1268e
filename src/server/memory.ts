/**
 * The memory budget when `--max-memory` is not given: three quarters of what V8 lets this
 * process's heap grow to (which follows the machine's memory and `--max-old-space-size`),
 * leaving the rest for what the budget does not count (code, sockets, answers in flight).
 * `node:v8` is loaded here, not at import: a start given `--max-memory` never needs it.
 */
export function defaultMaxMemory(): number {
  return Math.floor(process.getBuiltinModule('node:v8').getHeapStatistics().heap_size_limit * 0.75);
}
