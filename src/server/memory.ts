import { getHeapStatistics } from 'node:v8';

/**
 * The memory budget when `--max-memory` is not given: three quarters of what V8 lets this
 * process's heap grow to (which follows the machine's memory and `--max-old-space-size`),
 * leaving the rest for what the budget does not count (code, sockets, answers in flight).
 */
export function defaultMaxMemory(): number {
  return Math.floor(getHeapStatistics().heap_size_limit * 0.75);
}
